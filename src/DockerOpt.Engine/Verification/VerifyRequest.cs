using System.Collections.Immutable;

using DockerOpt.Engine.Engines;

namespace DockerOpt.Engine.Verification;

/// <summary>
/// What to verify: the user's Dockerfile and context (never modified), the rewritten text, and the checks
/// that prove the rewrite still works.
/// </summary>
/// <param name="DockerfilePath">The original Dockerfile.</param>
/// <param name="ContextDirectory">The build context both builds use.</param>
/// <param name="RewrittenText">The rewrite; it is built from a temp file.</param>
public sealed record VerifyRequest(string DockerfilePath, string ContextDirectory, string RewrittenText)
{
    /// <summary>Runs in both images as <c>docker run IMAGE ARGS</c>; both must exit alike and print the same.</summary>
    public ImmutableArray<string>? SmokeCommand { get; init; }

    /// <summary>Both images must answer an HTTP GET on this port and path.</summary>
    public HttpProbe? Http { get; init; }

    /// <summary>How the check containers start (environment variables, env files); both images get the same.</summary>
    public ContainerSettings Container { get; init; } = ContainerSettings.Default;

    /// <summary>The longest any single build or check may take.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Build both images without the engine's cache, so the build times are cold times. Tests that only need
    /// "builds, runs, smaller" turn it off and let BuildKit reuse layers across runs.
    /// </summary>
    public bool ColdBuild { get; init; } = true;

    /// <summary>
    /// How often each image is built cold; the report shows the median and the spread. One by default: a cold build
    /// repeats every download and compile step, which is minutes for a real app.
    /// </summary>
    public int ColdRuns { get; init; } = 1;

    /// <summary>How often each image is rebuilt after a source edit (alternating original and rewrite); the report shows the median and the spread.</summary>
    public int WarmRuns { get; init; } = 3;

    /// <summary>Leave the original's and the rewrite's images (and bisect's) in the engine for a look afterwards; the extra samples are removed.</summary>
    public bool KeepImages { get; init; }

    /// <summary>Time a rebuild after a one-line source edit (proves manifests-first ordering and cache mounts).</summary>
    public bool MeasureWarmRebuild { get; init; } = true;

    /// <summary>The file to edit for the warm rebuild, relative to the context; picked automatically when null.</summary>
    public string? WarmEditFile { get; init; }

    /// <summary>A .dockerignore the rewrite generated; it applies to the rewrite's build only (as Dockerfile.dockerignore).</summary>
    public string? RewrittenDockerignore { get; init; }

    /// <summary>When the rewrite fails and the original passes, find the pass to blame.</summary>
    public bool Bisect { get; init; }

    /// <summary>The passes that changed the file, in the order they ran (what bisect switches off one at a time).</summary>
    public ImmutableArray<string> AppliedPassIds { get; init; } = [];

    /// <summary>The rewrite with the given pass ids switched off (for bisect).</summary>
    public Func<IReadOnlySet<string>, string>? RewriteWithout { get; init; }
}