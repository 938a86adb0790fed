namespace DockerOpt.Fuzz.Properties;

/// <summary>What checking one input found, and what it cost.</summary>
/// <param name="Failure">The first broken property, or null.</param>
/// <param name="BadInput">Whether dockeropt refused the input as bad input (exit 2 for rewrite and lint).</param>
/// <param name="Elapsed">Wall time of the whole check.</param>
/// <param name="Cpu">CPU time of the worker process during the check (what the time limit bounds).</param>
/// <param name="AllocatedBytes">Bytes allocated by the checking thread.</param>
internal sealed record CheckOutcome(PropertyFailure? Failure, bool BadInput, TimeSpan Elapsed, TimeSpan Cpu, long AllocatedBytes);