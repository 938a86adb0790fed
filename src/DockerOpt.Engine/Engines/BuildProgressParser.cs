using System.Text.RegularExpressions;

namespace DockerOpt.Engine.Engines;

/// <summary>
/// Picks the step announcements out of build output: BuildKit's plain progress (<c>#7 [build 2/5] RUN ...</c>)
/// and Podman/Buildah's (<c>[1/2] STEP 2/5: RUN ...</c>). Everything else (command output, timings) is ignored.
/// </summary>
public static partial class BuildProgressParser
{
    /// <summary>The step a line announces, or null.</summary>
    public static BuildStep? Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var buildKit = BuildKitStep().Match(line);
        if (buildKit.Success)
        {
            return new BuildStep(buildKit.Groups["step"].Value.TrimEnd());
        }

        var buildah = BuildahStep().Match(line);
        return buildah.Success ? new BuildStep(buildah.Groups["step"].Value.TrimEnd()) : null;
    }

    [GeneratedRegex(@"^#\d+ (?<step>\[[^\]]+\] \S.*)$")]
    private static partial Regex BuildKitStep();

    [GeneratedRegex(@"^(?<step>(\[\d+/\d+\] )?STEP \d+/\d+: .*)$")]
    private static partial Regex BuildahStep();
}