namespace DockerOpt.Engine.Verification;

/// <summary>One bisect try: the rewrite rebuilt with one pass switched off, and whether that fixed it.</summary>
/// <param name="PassId">The pass switched off.</param>
/// <param name="Fixed">The rewrite without this pass builds and passes the checks.</param>
/// <param name="Detail">What happened.</param>
public sealed record BisectAttempt(string PassId, bool Fixed, string Detail);