using DockerOpt.Cli.Tests.Support;

namespace DockerOpt.Cli.Tests.Verify;

/// <summary>
/// The commands <c>dockeropt verify --builder NAME</c> runs for each kind of buildx builder. The remote and Kubernetes
/// drivers cannot run on this project's machines (no BuildKit image can be pulled), so a fake <c>docker</c> answers
/// <c>buildx inspect</c> as buildx 0.13 does for them and logs every call: the build goes to the builder with
/// <c>--load</c>, everything else to the engine the image is loaded into. The docker-driver builder is also verified
/// for real (RemoteEngineTests).
/// </summary>
public sealed class VerifyBuilderCommandTests : IDisposable
{
    private const string Naive = "FROM debian:bookworm\nRUN apt-get update && apt-get install -y curl\nCMD [\"curl\"]\n";
    private readonly CliSandbox sandbox = new();

    public VerifyBuilderCommandTests()
    {
        sandbox.Write("app/Dockerfile", Naive);
    }

    public void Dispose() => sandbox.Dispose();

    [Theory]
    [InlineData("remote", "tcp://buildkitd.build-farm.example.com:1234")]
    [InlineData("kubernetes", "kubernetes:///farm?deployment=buildkit-farm0&kubeconfig=")]
    public async Task A_remote_or_Kubernetes_builder_builds_and_loads_and_the_current_engine_runs_and_measures(string driver, string endpoint)
    {
        var dockeropt = new DockeroptProcess(sandbox, Inspecting("farm", driver, endpoint) + FakeDockerEngine.Script);

        var result = await dockeropt.RunAsync("verify", "app/Dockerfile", "--builder", "farm", "--no-warm", "--smoke", "curl --version");

        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}\n{result.Error}{result.Out}");
        var calls = dockeropt.Calls();
        Assert.Equal("buildx inspect farm", calls.First(static call => call.StartsWith("buildx inspect", StringComparison.Ordinal)));
        var builds = calls.Where(static call => call.Contains("build ", StringComparison.Ordinal) && !call.StartsWith("buildx inspect", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, builds.Count);
        Assert.All(builds, static call => Assert.Matches(
            @"^buildx build --builder farm --load --progress=plain -f \S+/(app/Dockerfile|Dockerfile\.rewrite) --tag dockeropt-verify-\w+:(original|rewrite) --iidfile \S+ --no-cache \S+/app$",
            call));
        Assert.Contains(calls, static call => call.StartsWith("save dockeropt-verify-", StringComparison.Ordinal));
        Assert.Contains(calls, static call => call.StartsWith("run --rm --name dockeropt-", StringComparison.Ordinal));
        Assert.DoesNotContain(calls, static call => call.Contains("--context", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_docker_driver_builder_is_an_engine_so_every_command_goes_to_its_context()
    {
        var dockeropt = new DockeroptProcess(sandbox, Inspecting("build-1", "docker", "build-1") + FakeDockerEngine.Script);

        var result = await dockeropt.RunAsync("verify", "app/Dockerfile", "--builder", "build-1", "--no-warm");

        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}\n{result.Error}{result.Out}");
        var calls = dockeropt.Calls();
        Assert.Equal("buildx inspect build-1", calls[0]);
        Assert.All(calls.Skip(1), static call => Assert.StartsWith("--context build-1 ", call, StringComparison.Ordinal));
        Assert.Contains(calls, static call => call.StartsWith("--context build-1 buildx build --builder build-1 --load ", StringComparison.Ordinal));
        Assert.Contains(calls, static call => call.StartsWith("--context build-1 save dockeropt-verify-", StringComparison.Ordinal));
        Assert.Contains(calls, static call => call.StartsWith("--context build-1 image rm --force dockeropt-verify-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_a_docker_context_every_command_goes_there_and_the_probe_asks_it_for_the_engines_host()
    {
        var dockeropt = new DockeroptProcess(
            sandbox,
            "if [ \"$*\" = \"--context build-2 context inspect --format {{.Endpoints.docker.Host}}\" ]; then echo tcp://build-2.example.com:2376; exit 0; fi\n"
            + "if [ \"$3\" = run ] && [ \"$4\" = --detach ]; then exit 1; fi\n"
            + FakeDockerEngine.Script);

        var result = await dockeropt.RunAsync("verify", "app/Dockerfile", "--docker-context", "build-2", "--no-warm", "--http", "8080/healthz");

        // The fake starts no container; what matters is where verify asked to publish the port.
        Assert.Equal(2, result.ExitCode);
        var calls = dockeropt.Calls();
        Assert.All(calls, static call => Assert.StartsWith("--context build-2 ", call, StringComparison.Ordinal));
        Assert.Contains(calls, static call => call.StartsWith("--context build-2 run --detach --name dockeropt-", StringComparison.Ordinal) && call.Contains(" --publish 0.0.0.0::8080 ", StringComparison.Ordinal));
    }

    /// <summary>A fake <c>buildx inspect NAME</c> answer, in buildx 0.13's layout.</summary>
    private static string Inspecting(string name, string driver, string endpoint) =>
        "if [ \"$1\" = buildx ] && [ \"$2\" = inspect ]; then\n"
        + $"  printf 'Name:          {name}\\nDriver:        {driver}\\n\\nNodes:\\nName:           {name}0\\nEndpoint:       {endpoint}\\nStatus:         running\\n'\n"
        + "  exit 0\nfi\n";
}