using System.Text.RegularExpressions;

namespace DockerOpt.Engine.Engines;

/// <summary>
/// Reads build output line by line: BuildKit's plain progress (<c>#7 [build 2/5] RUN ...</c>, <c>#7 DONE 3.1s</c>)
/// and Podman/Buildah's (<c>[1/2] STEP 2/5: RUN ...</c>). Command output (<c>#7 0.512 text</c>) and everything
/// that is not about a step give null. <see cref="RunningBuildSteps"/> folds the events into what runs now.
/// </summary>
public static partial class BuildProgressParser
{
    /// <summary>The step event a line carries, or null.</summary>
    public static BuildStepEvent? Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var buildKit = BuildKitLine().Match(line);
        if (buildKit.Success)
        {
            var id = buildKit.Groups["id"].Value;
            var rest = buildKit.Groups["rest"].Value.TrimEnd();

            // #0 is buildx's own preamble ("building with "default" instance using docker driver"), never a step, never DONE.
            if (id == "0" || CommandOutput().IsMatch(rest))
            {
                return null;
            }

            return StepEnd().IsMatch(rest)
                ? new BuildStepEvent(new BuildStep(id, ""), BuildStepChange.Finished)
                : new BuildStepEvent(new BuildStep(id, rest), BuildStepChange.Announced);
        }

        var buildah = BuildahStep().Match(line);
        return buildah.Success ? new BuildStepEvent(new BuildStep("step", buildah.Groups["step"].Value.TrimEnd()), BuildStepChange.Replaced) : null;
    }

    [GeneratedRegex(@"^#(?<id>\d+) (?<rest>\S.*)$")]
    private static partial Regex BuildKitLine();

    // A RUN's own output: BuildKit prefixes it with the seconds since the step started.
    [GeneratedRegex(@"^\d+\.\d+( |$)")]
    private static partial Regex CommandOutput();

    [GeneratedRegex(@"^(DONE( |$)|CACHED$|ERROR( |:|$)|CANCELED$)")]
    private static partial Regex StepEnd();

    [GeneratedRegex(@"^(?<step>(\[\d+/\d+\] )?STEP \d+/\d+: .*)$")]
    private static partial Regex BuildahStep();
}