using System.Collections.Immutable;

namespace DockerOpt.Engine.Verification;

/// <summary>Where a verification is: which image, doing what, which build steps are running, and for how long.</summary>
/// <param name="Subject">"original", "rewrite", or "rewrite without PASS" while bisecting.</param>
/// <param name="Activity">"cold build", "measuring", "HTTP probe", "warm rebuild 2 of 3", ...</param>
/// <param name="Elapsed">Time since the verification started.</param>
public sealed record VerifyProgress(string Subject, string Activity, TimeSpan Elapsed)
{
    /// <summary>The build steps running now, oldest first (BuildKit runs independent steps in parallel); empty outside builds.</summary>
    public ImmutableArray<string> RunningSteps { get; init; } = [];

    /// <summary>The image tag being built, while building; lets a caller tell this run's images from others'.</summary>
    public string? Image { get; init; }
}