namespace DockerOpt.Engine.Verification;

/// <summary>The result of running one functional check (smoke command or HTTP probe) on both images.</summary>
/// <param name="Name">"smoke test" or "HTTP probe".</param>
/// <param name="Passed">The rewrite behaved like the original.</param>
/// <param name="Original">What the original did, in a few words.</param>
/// <param name="Rewrite">What the rewrite did, in a few words.</param>
/// <param name="Reason">Why it passed or failed.</param>
public sealed record CheckOutcome(string Name, bool Passed, string Original, string Rewrite, string Reason);