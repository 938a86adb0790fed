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

/// <summary>
/// A fact that needs podman with the stand-in images (scripts/engine/podman.sh). Skips with a visible reason when
/// `podman info` does not answer, except under CI=true.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PodmanFactAttribute : FactAttribute
{
    public PodmanFactAttribute()
    {
        Skip = EngineAvailability.PodmanSkipReason;
    }
}

/// <summary>
/// A fact that needs the second Docker daemon, the "remote" engine of scripts/engine/remote.sh (Docker context and
/// buildx builder <see cref="EngineAvailability.RemoteContext"/>). Skips with a visible reason when it does not
/// answer, except under CI=true.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RemoteEngineFactAttribute : FactAttribute
{
    public RemoteEngineFactAttribute()
    {
        Skip = EngineAvailability.RemoteSkipReason;
    }
}

/// <summary>
/// A theory that needs all three engines of scripts/engine/setup.sh: the local Docker, podman and the second Docker
/// daemon. Skips with the first missing engine's reason, except under CI=true.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class EveryEngineTheoryAttribute : TheoryAttribute
{
    public EveryEngineTheoryAttribute()
    {
        Skip = EngineAvailability.SkipReason ?? EngineAvailability.PodmanSkipReason ?? EngineAvailability.RemoteSkipReason;
    }
}

/// <summary>Asks each engine once per test run whether it answers.</summary>
public static class EngineAvailability
{
    /// <summary>The Docker context (and buildx builder) scripts/engine/remote.sh creates for the second daemon.</summary>
    public const string RemoteContext = "dockeropt-remote";

    /// <summary>The unix socket the second daemon listens on (scripts/engine/remote.sh).</summary>
    public const string RemoteSocket = "unix:///var/run/dockeropt-remote.sock";

    private static readonly Lazy<string?> Docker = new(() => Probe("docker", ["info", "--format", "{{.ServerVersion}}"], "no container engine"));
    private static readonly Lazy<string?> Podman = new(() => Probe("podman", ["info", "--format", "{{.Version.Version}}"], "no podman"));
    private static readonly Lazy<string?> Remote = new(() => Probe("docker", ["--context", RemoteContext, "info", "--format", "{{.ServerVersion}}"], "no second Docker daemon"));

    /// <summary>Null when an engine answers (or CI=true); otherwise why engine tests are skipped.</summary>
    public static string? SkipReason => Repo.IsCi ? null : Docker.Value;

    /// <summary>Null when podman answers (or CI=true); otherwise why podman tests are skipped.</summary>
    public static string? PodmanSkipReason => Repo.IsCi ? null : Podman.Value;

    /// <summary>Null when the second Docker daemon answers through its context (or CI=true); otherwise why its tests are skipped.</summary>
    public static string? RemoteSkipReason => Repo.IsCi ? null : Remote.Value;

    private static string? Probe(string program, string[] arguments, string missing)
    {
        var command = $"`{program} {string.Join(' ', arguments.Take(arguments.Length - 2))}`";
        try
        {
            using var process = Process.Start(new ProcessStartInfo(program, arguments)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (process is null)
            {
                return $"{missing}: `{program}` could not be started (run scripts/engine/setup.sh)";
            }

            if (!process.WaitForExit(TimeSpan.FromSeconds(15)))
            {
                process.Kill(entireProcessTree: true);
                return $"{missing}: {command} did not answer in 15 s (run scripts/engine/setup.sh)";
            }

            return process.ExitCode == 0
                ? null
                : $"{missing}: {command} failed (run scripts/engine/setup.sh to install and start it)";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return $"{missing}: `{program}` is not on PATH (run scripts/engine/setup.sh)";
        }
    }
}