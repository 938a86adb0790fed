using System.Collections.Immutable;
using System.Globalization;

using DockerOpt.Engine.Engines;
using DockerOpt.Engine.Tests.Examples;
using DockerOpt.Engine.Verification;
using DockerOpt.TestKit;

namespace DockerOpt.Engine.Tests.Engines;

/// <summary>
/// Verify on an engine that is not the local one: the second Docker daemon of scripts/engine/remote.sh (its own data
/// root and socket, reached only through DOCKER_HOST, the Docker context <c>dockeropt-remote</c> or the buildx builder
/// of that name). Each test proves that the images were built there (and never in the local engine), that the HTTP
/// probe reached the container there through its published port, and that clean-up removed them there. One class, so
/// the verifications run one after another.
/// </summary>
[Trait("Category", "Engine")]
public sealed class RemoteEngineTests
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..10];

    [RemoteEngineFact]
    public Task Verify_through_a_Docker_context_builds_probes_and_cleans_up_on_that_contexts_engine() =>
        VerifyOnTheRemoteEngineAsync(new EngineOptions { DockerContext = EngineAvailability.RemoteContext });

    [RemoteEngineFact]
    public Task Verify_honours_DOCKER_HOST_as_the_docker_client_does() =>
        VerifyOnTheRemoteEngineAsync(new EngineOptions
        {
            ClientEnvironment = ImmutableDictionary<string, string>.Empty.Add("DOCKER_HOST", EngineAvailability.RemoteSocket),
        });

    [RemoteEngineFact]
    public Task Verify_with_the_buildx_builder_of_the_second_engine_runs_the_checks_where_the_builder_loads_the_images() =>
        VerifyOnTheRemoteEngineAsync(new EngineOptions(Builder: EngineAvailability.RemoteContext));

    [RemoteEngineFact]
    public async Task The_engine_endpoint_decides_where_the_probe_connects()
    {
        var viaContext = new ContainerEngine(new EngineOptions { DockerContext = EngineAvailability.RemoteContext });
        var viaHost = new ContainerEngine(new EngineOptions
        {
            ClientEnvironment = ImmutableDictionary<string, string>.Empty.Add("DOCKER_HOST", "tcp://build-1.example.com:2376"),
        });

        Assert.Equal(ProbeAddress.Loopback, await viaContext.GetProbeAddressAsync());
        Assert.Equal(new ProbeAddress("0.0.0.0", "build-1.example.com"), await viaHost.GetProbeAddressAsync());
    }

    private async Task VerifyOnTheRemoteEngineAsync(EngineOptions options)
    {
        using var context = new TempDirectory();
        const string Serve = """
            FROM python:3.12-slim
            {0}CMD ["sh", "-c", "mkdir -p /srv && echo \"served by $(hostname)\" > /srv/index.html && cd /srv && exec python3 -m http.server 8080"]
            LABEL org.dockeropt.test.run={1}
            """;
        var dockerfile = context.Write("Dockerfile", string.Format(CultureInfo.InvariantCulture, Serve, "RUN head -c 300000 /dev/urandom > /junk && rm /junk\n", _run));
        var rewrite = string.Format(CultureInfo.InvariantCulture, Serve, "", _run);
        var whileProbing = new List<(int Remote, int Local)>();
        var progress = new SynchronousProgress<VerifyProgress>(step =>
        {
            if (step.Subject == "rewrite" && step.Activity == "HTTP probe")
            {
                whileProbing.Add((ImagesOfThisRun(EngineAvailability.RemoteContext).Count, ImagesOfThisRun(null).Count));
            }
        });

        var report = await new Verifier(new ContainerEngine(options)).VerifyAsync(
            new VerifyRequest(dockerfile, context.Path, rewrite)
            {
                Http = new HttpProbe(8080, "/index.html") { Expect = "served by" },
                MeasureWarmRebuild = false,
                ColdBuild = false,
            },
            progress);

        var probe = Assert.Single(report.Checks);
        Assert.True(probe.Passed, probe.Reason);
        Assert.True(report.Rewrite is not null && report.Rewrite.LayerCount == report.Original.LayerCount - 1, "the rewrite drops the junk RUN layer");

        // Both images were on the second engine while the rewrite was probed, none on the local one.
        Assert.Equal([(2, 0)], whileProbing);
        Assert.Empty(ImagesOfThisRun(EngineAvailability.RemoteContext));
        Assert.Empty(ImagesOfThisRun(null));
    }

    /// <summary>The ids of the images carrying this test's run label on the engine of <paramref name="dockerContext"/> (null: the local one).</summary>
    private List<string> ImagesOfThisRun(string? dockerContext)
    {
        string[] global = dockerContext is null ? ["--context", "default"] : ["--context", dockerContext];
        var result = DockerCli.RunAsync("docker", [.. global, "images", "--all", "--quiet", "--no-trunc", "--filter", $"label=org.dockeropt.test.run={_run}"], DockerCli.ShortTimeout)
            .GetAwaiter().GetResult();
        Assert.True(result.ExitCode == 0, result.StandardError);
        return [.. result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal)];
    }
}