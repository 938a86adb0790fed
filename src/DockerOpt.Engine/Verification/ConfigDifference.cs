namespace DockerOpt.Engine.Verification;

/// <summary>A runtime setting of the final stage that differs between the original and the rewrite.</summary>
/// <param name="Field">CMD, ENTRYPOINT, EXPOSE or USER.</param>
/// <param name="Original">The original's value as JSON-ish text.</param>
/// <param name="Rewrite">The rewrite's value.</param>
public sealed record ConfigDifference(string Field, string Original, string Rewrite);