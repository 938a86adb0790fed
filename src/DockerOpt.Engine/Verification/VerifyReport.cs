using System.Collections.Immutable;

namespace DockerOpt.Engine.Verification;

/// <summary>
/// Everything a verification found: both images measured side by side, whether the rewrite built and
/// passed the checks, the runtime settings that changed, and the bisect result when asked for.
/// </summary>
/// <param name="Original">The original image (it always builds, or verification stops with an error).</param>
/// <param name="Rewrite">The rewrite's image, or null when it did not build.</param>
/// <param name="RewriteBuildLog">The end of the rewrite's build log when it failed.</param>
/// <param name="Checks">The smoke test and HTTP probe outcomes.</param>
/// <param name="ConfigDifferences">CMD, ENTRYPOINT, EXPOSE or USER that changed.</param>
/// <param name="WarmEditFile">The file edited for the warm rebuild, relative to the context, or null.</param>
/// <param name="WarmRebuildNote">Why the warm rebuild was not measured, when it was not.</param>
/// <param name="Bisect">The bisect result, when it ran.</param>
/// <param name="KeptImages">Tags left in the engine (with --keep-images).</param>
public sealed record VerifyReport(
    ImageMeasurement Original,
    ImageMeasurement? Rewrite,
    string? RewriteBuildLog,
    ImmutableArray<CheckOutcome> Checks,
    ImmutableArray<ConfigDifference> ConfigDifferences,
    string? WarmEditFile,
    string? WarmRebuildNote,
    BisectOutcome? Bisect,
    ImmutableArray<string> KeptImages)
{
    /// <summary>The rewrite built and every check passed.</summary>
    public bool Passed => Rewrite is not null && Checks.All(static check => check.Passed);
}