using DockerOpt.Engine.Engines;
using DockerOpt.Engine.Errors;
using DockerOpt.Engine.Verification;

namespace DockerOpt.Engine.Tests.Engines;

public sealed class EngineErrorTests
{
    [Fact]
    public async Task A_missing_engine_binary_says_it_is_not_on_PATH()
    {
        var engine = new ContainerEngine(new EngineOptions(Executable: "/nonexistent/dockeropt-no-such-docker"));

        var error = await Assert.ThrowsAsync<EngineNotFoundException>(() => engine.GetServerVersionAsync());

        Assert.Contains("was not found on PATH", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_image_removed_while_podman_lists_the_images_is_listed_again()
    {
        // The first listing fails the way podman does when another process removes an image mid-listing (seen in CI at
        // c011538, PodmanEngineTests); the second succeeds.
        using var fake = new FakeEngine(
            "n=$(grep -c '^---$' \"$(dirname \"$0\")/calls.log\")\n"
            + "if [ \"$n\" -le 1 ]; then echo 'Error: checking if image \"2704b4ef\" is dangling: reading image \"2704b4ef\": locating image with ID \"2704b4ef\": image not known' >&2; exit 125; fi\n"
            + "echo sha256:aaa; echo sha256:bbb");
        var engine = new ContainerEngine(new EngineOptions(Executable: fake.ExecutablePath));

        var ids = await engine.ListImageIdsAsync();

        Assert.Equal(["sha256:aaa", "sha256:bbb"], ids.Order(StringComparer.Ordinal));
        Assert.Equal(2, fake.Calls().Count);
    }

    [Fact]
    public async Task A_listing_that_keeps_failing_is_an_error()
    {
        using var fake = new FakeEngine("echo 'Error: locating image with ID \"x\": image not known' >&2; exit 125");
        var engine = new ContainerEngine(new EngineOptions(Executable: fake.ExecutablePath));

        await Assert.ThrowsAsync<EngineCommandFailedException>(() => engine.ListImageIdsAsync());

        Assert.Equal(3, fake.Calls().Count);
    }

    [Fact]
    public async Task A_stopped_daemon_is_reported_as_such()
    {
        using var fake = new FakeEngine("echo 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?' >&2; exit 1");
        var engine = new ContainerEngine(new EngineOptions(Executable: fake.ExecutablePath));

        var error = await Assert.ThrowsAsync<EngineDaemonUnavailableException>(() => engine.GetServerVersionAsync());

        Assert.StartsWith("the docker daemon is not running", error.Message.Replace(fake.ExecutablePath, "docker", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Permission_denied_on_the_socket_is_reported_with_the_fix()
    {
        using var fake = new FakeEngine(
            "echo 'permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock: Get \"http://%2Fvar%2Frun%2Fdocker.sock/v1.24/version\": dial unix /var/run/docker.sock: connect: permission denied' >&2; exit 1");
        var engine = new ContainerEngine(new EngineOptions(Executable: fake.ExecutablePath));

        var error = await Assert.ThrowsAsync<EnginePermissionDeniedException>(() => engine.GetServerVersionAsync());

        Assert.Contains("docker group", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_command_that_outlives_its_timeout_is_stopped_and_reported()
    {
        using var fake = new FakeEngine("if [ \"$1\" = run ]; then exec sleep 30; fi");
        var engine = new ContainerEngine(new EngineOptions(Executable: fake.ExecutablePath));

        var error = await Assert.ThrowsAsync<EngineTimeoutException>(() =>
            engine.RunAsync("app:1", ["true"], TimeSpan.FromMilliseconds(300)));

        Assert.Contains("did not finish within 0.3s", error.Message, StringComparison.Ordinal);
        // The container is removed after the client is killed: the last call is `rm --force NAME`.
        var removal = fake.Calls()[^1];
        Assert.Equal(["rm", "--force"], removal.Take(2));
    }

    [Fact]
    public async Task A_failing_original_build_is_blamed_on_the_original_not_on_dockeropt()
    {
        using var fake = new FakeEngine("""
            case "$1" in
              version) echo 26.1.5 ;;
              build) echo '#5 [2/2] RUN make' >&2; echo 'ERROR: process "/bin/sh -c make" did not complete successfully: exit code: 2' >&2; exit 1 ;;
            esac
            """);
        using var context = new TempDirectory();
        var dockerfile = context.Write("Dockerfile", "FROM debian:bookworm-slim\nRUN make\n");
        var verifier = new Verifier(new ContainerEngine(new EngineOptions(Executable: fake.ExecutablePath)));

        var error = await Assert.ThrowsAsync<OriginalBuildFailedException>(() =>
            verifier.VerifyAsync(new VerifyRequest(dockerfile, context.Path, "FROM debian:bookworm-slim\n")));

        Assert.Contains("not dockeropt's doing", error.Message, StringComparison.Ordinal);
        Assert.Contains("exit code: 2", error.BuildLogTail, StringComparison.Ordinal);
        var build = Assert.Single(fake.Calls(), static call => call[0] == "build");
        Assert.Equal(dockerfile, build[build.ToList().IndexOf("-f") + 1]);
        Assert.Contains("--no-cache", build);
    }

    [Theory]
    [InlineData("Error response from daemon: reference does not exist")]
    [InlineData("Error response from daemon: No such image: app:missing")]
    [InlineData("Error: app:missing: image not known")]
    public async Task An_image_that_is_not_there_is_named_as_such_whatever_the_engine_says(string engineMessage)
    {
        using var fake = new FakeEngine($"echo '{engineMessage}' >&2; exit 1");
        var engine = new ContainerEngine(new EngineOptions(Executable: fake.ExecutablePath));

        var error = await Assert.ThrowsAsync<ImageNotFoundException>(() => engine.ReadImageAsync("app:missing"));

        Assert.Equal("app:missing: no such image in the local docker engine (build or pull it first; 'docker images' lists what is there)", error.Message);
    }

    [Fact]
    public void An_ordinary_failure_is_not_mistaken_for_an_engine_problem()
    {
        Assert.Null(EngineErrorClassifier.Classify("docker", "ERROR: failed to solve: process \"/bin/sh -c exit 1\" did not complete successfully"));
    }
}