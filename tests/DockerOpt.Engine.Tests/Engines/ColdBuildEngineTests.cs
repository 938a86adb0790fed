using DockerOpt.Engine.Engines;
using DockerOpt.TestKit;

namespace DockerOpt.Engine.Tests.Engines;

/// <summary>
/// The "cold build" time verify reports is only honest if a cold build really redoes the work: every RUN runs
/// again, and package caches in <c>RUN --mount=type=cache</c> start empty, as on a fresh CI runner.
/// </summary>
[Trait("Category", "Engine")]
public sealed class ColdBuildEngineTests
{
    private readonly ContainerEngine _engine = new(new EngineOptions());

    [EngineFact]
    public async Task A_cold_build_runs_every_step_again_and_its_cache_mounts_start_empty()
    {
        using var context = new TempDirectory();
        var run = Guid.NewGuid().ToString("N")[..10];

        // Each build records when its RUN ran and how many files the cache mount held; the id keeps the mount
        // this test's own, whatever else the engine builds meanwhile.
        string Dockerfile(string variant) => $"""
            FROM debian:bookworm-slim
            RUN --mount=type=cache,id=dockeropt-test-{run},target=/cache \
                echo {variant} && ls /cache | wc -l > /mounted && date +%s%N > /stamp && touch /cache/$(date +%s%N)
            """;

        var first = await BuildAsync(context, Dockerfile("a"), run + "-first", noCache: false);
        var cached = await BuildAsync(context, Dockerfile("a"), run + "-cached", noCache: false);
        var warmMount = await BuildAsync(context, Dockerfile("b"), run + "-warm-mount", noCache: false);
        var cold = await BuildAsync(context, Dockerfile("a"), run + "-cold", noCache: true);

        // Controls: without --no-cache the layer is reused, and a RUN that does run sees the files earlier builds left in the mount.
        Assert.Equal(first.Stamp, cached.Stamp);
        Assert.Equal("1", warmMount.Mounted);

        Assert.NotEqual(first.Stamp, cold.Stamp);
        Assert.Equal("0", cold.Mounted);
    }

    private async Task<(string Stamp, string Mounted)> BuildAsync(TempDirectory context, string dockerfile, string name, bool noCache)
    {
        var path = context.Write(name + ".Dockerfile", dockerfile);
        var tag = $"dockeropt-test/cold-build:{name}";
        try
        {
            var build = await _engine.BuildAsync(new BuildRequest(path, context.Path, tag, noCache), TimeSpan.FromMinutes(5));
            Assert.True(build.Succeeded, build.LogTail);
            var stamp = await _engine.RunAsync(tag, ["cat", "/stamp"], TimeSpan.FromMinutes(1));
            var mounted = await _engine.RunAsync(tag, ["cat", "/mounted"], TimeSpan.FromMinutes(1));
            return (stamp.StandardOutput.Trim(), mounted.StandardOutput.Trim());
        }
        finally
        {
            await _engine.RemoveImageAsync(tag);
        }
    }
}