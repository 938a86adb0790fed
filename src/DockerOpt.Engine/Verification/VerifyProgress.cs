namespace DockerOpt.Engine.Verification;

/// <summary>Where a verification is: which image, doing what, at which build step, and for how long.</summary>
/// <param name="Subject">"original", "rewrite", or "rewrite without PASS" while bisecting.</param>
/// <param name="Activity">"cold build", "measuring", "smoke test", "warm rebuild", ...</param>
/// <param name="Step">The build step the engine announced last, when building.</param>
/// <param name="Elapsed">Time since the verification started.</param>
public sealed record VerifyProgress(string Subject, string Activity, string? Step, TimeSpan Elapsed)
{
    /// <summary>The image tag being built, while building; lets a caller tell this run's images from others'.</summary>
    public string? Image { get; init; }
}