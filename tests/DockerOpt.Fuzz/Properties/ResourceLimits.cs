namespace DockerOpt.Fuzz.Properties;

/// <summary>
/// How long and how much allocation one input may take for its whole check (parse, two rewrites, every lint format).
/// Both are generous multiples of what corpus files take (a few milliseconds, a few MB), so only a blow-up trips them;
/// the allowance grows with the input, so a large but linear input passes.
/// </summary>
/// <param name="Time">
/// CPU time per input (the worker process's), so that the bound does not move with the machine's load; the supervisor
/// kills a worker whose CPU time passes it (plus a grace period), or that stays silent for far longer on the clock.
/// </param>
/// <param name="BaseAllocation">Bytes any input may allocate.</param>
/// <param name="AllocationPerInputByte">Further bytes per byte of input.</param>
internal sealed record ResourceLimits(TimeSpan Time, long BaseAllocation, long AllocationPerInputByte)
{
    public static ResourceLimits Default { get; } = new(TimeSpan.FromSeconds(10), 256L << 20, 4096);

    public long AllocationFor(int inputLength) => BaseAllocation + (AllocationPerInputByte * inputLength);
}