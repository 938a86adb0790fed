using System.Diagnostics;

namespace DockerOpt.TestKit;

/// <summary>
/// A fact that needs a real container engine. Skips with a visible reason when `docker info` does not
/// answer, except under CI=true, where .ci/run has started an engine and its absence is a failure.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class EngineFactAttribute : FactAttribute
{
    public EngineFactAttribute()
    {
        Skip = EngineAvailability.SkipReason;
    }
}

/// <summary>The theory form of <see cref="EngineFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class EngineTheoryAttribute : TheoryAttribute
{
    public EngineTheoryAttribute()
    {
        Skip = EngineAvailability.SkipReason;
    }
}

/// <summary>Asks the engine once per test run whether it answers.</summary>
public static class EngineAvailability
{
    private static readonly Lazy<string?> Probe = new(ProbeEngine);

    /// <summary>Null when an engine answers (or CI=true); otherwise why engine tests are skipped.</summary>
    public static string? SkipReason => Repo.IsCi ? null : Probe.Value;

    private static string? ProbeEngine()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("docker", ["info", "--format", "{{.ServerVersion}}"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (process is null)
            {
                return "no container engine: `docker` could not be started (run scripts/engine/setup.sh)";
            }

            if (!process.WaitForExit(TimeSpan.FromSeconds(15)))
            {
                process.Kill(entireProcessTree: true);
                return "no container engine: `docker info` did not answer in 15 s (run scripts/engine/setup.sh)";
            }

            return process.ExitCode == 0
                ? null
                : "no container engine: `docker info` failed (run scripts/engine/setup.sh to install and start one)";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "no container engine: `docker` is not on PATH (run scripts/engine/setup.sh)";
        }
    }
}