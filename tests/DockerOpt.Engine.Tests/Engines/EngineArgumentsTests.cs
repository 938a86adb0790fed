using DockerOpt.Engine.Engines;

namespace DockerOpt.Engine.Tests.Engines;

public sealed class EngineArgumentsTests
{
    private static readonly BuildRequest Request = new("/tmp/my project/Dockerfile.rewrite", "/src/my app", "dockeropt-verify-1:rewrite");

    [Fact]
    public void A_docker_build_uses_BuildKit_plain_progress_and_keeps_paths_with_spaces_as_single_arguments()
    {
        var arguments = EngineArguments.Build(new EngineOptions(), Request);

        Assert.Equal(
            ["build", "--progress=plain", "-f", "/tmp/my project/Dockerfile.rewrite", "--tag", "dockeropt-verify-1:rewrite", "/src/my app"],
            arguments);
    }

    [Fact]
    public void A_named_builder_goes_through_buildx_and_loads_the_result_into_the_local_store()
    {
        var arguments = EngineArguments.Build(new EngineOptions(Builder: "k8s-builder"), Request with { NoCache = true });

        Assert.Equal(
            ["buildx", "build", "--builder", "k8s-builder", "--load", "--progress=plain", "-f", "/tmp/my project/Dockerfile.rewrite",
                "--tag", "dockeropt-verify-1:rewrite", "--no-cache", "/src/my app"],
            arguments);
    }

    [Fact]
    public void A_build_writes_the_image_id_to_a_file_so_clean_up_can_remove_the_image_after_its_tag_moved_on()
    {
        var arguments = EngineArguments.Build(new EngineOptions(), Request, "/tmp/iid");

        Assert.Equal(
            ["build", "--progress=plain", "-f", "/tmp/my project/Dockerfile.rewrite", "--tag", "dockeropt-verify-1:rewrite", "--iidfile", "/tmp/iid", "/src/my app"],
            arguments);
    }

    [Fact]
    public void An_image_is_removed_by_id_without_force_so_the_engine_refuses_while_someone_else_holds_it()
    {
        Assert.Equal(["image", "rm", "sha256:abc"], EngineArguments.RemoveImageById("sha256:abc"));
        Assert.Equal(["image", "inspect", "--format", "{{json .RepoTags}}", "sha256:abc"], EngineArguments.ImageTags("sha256:abc"));
        Assert.Equal(["image", "inspect", "--format", "{{.Size}}", "app:1"], EngineArguments.ImageSize("app:1"));
    }

    [Fact]
    public void The_check_containers_get_the_environment_variables_and_env_files_in_the_order_given()
    {
        var settings = new ContainerSettings { Environment = ["GREETING=hello world", "HOME"], EnvironmentFiles = ["/work/test.env"] };

        Assert.Equal(
            ["run", "--rm", "--name", "c1", "--pull=never", "--env", "GREETING=hello world", "--env", "HOME", "--env-file", "/work/test.env", "app:1", "true"],
            EngineArguments.Run("c1", "app:1", ["true"], settings));
        Assert.Equal(
            ["run", "--detach", "--name", "c1", "--pull=never", "--publish", "127.0.0.1::8080", "--env", "GREETING=hello world", "--env", "HOME", "--env-file", "/work/test.env", "app:1"],
            EngineArguments.RunDetached("c1", "app:1", 8080, settings));
    }

    [Fact]
    public void Podman_builds_without_the_BuildKit_progress_flag()
    {
        var arguments = EngineArguments.Build(new EngineOptions(EngineKind.Podman), Request);

        Assert.DoesNotContain("--progress=plain", arguments);
        Assert.Equal("build", arguments[0]);
        Assert.Equal("/src/my app", arguments[^1]);
    }

    [Fact]
    public void A_smoke_run_never_pulls_and_passes_the_command_as_separate_arguments()
    {
        var arguments = EngineArguments.Run("c1", "app:1", ["node", "-e", "console.log('a b')"]);

        Assert.Equal(["run", "--rm", "--name", "c1", "--pull=never", "app:1", "node", "-e", "console.log('a b')"], arguments);
    }

    [Fact]
    public void An_http_probe_publishes_the_port_on_loopback_only()
    {
        Assert.Equal(
            ["run", "--detach", "--name", "c1", "--pull=never", "--publish", "127.0.0.1::8080", "app:1"],
            EngineArguments.RunDetached("c1", "app:1", 8080));
        Assert.Equal(["port", "c1", "8080/tcp"], EngineArguments.Port("c1", 8080));
    }

    [Theory]
    [InlineData("127.0.0.1:49153\n", 49153)]
    [InlineData("0.0.0.0:32768\n[::]:32768\n", 32768)]
    [InlineData("", null)]
    public void I_can_read_the_host_port_from_docker_port_output(string output, int? expected)
    {
        Assert.Equal(expected, ContainerEngine.ParseHostPort(output));
    }

    [Fact]
    public void The_server_version_question_differs_between_docker_and_podman()
    {
        Assert.Equal(["version", "--format", "{{.Server.Version}}"], EngineArguments.ServerVersion(new EngineOptions()));
        Assert.Equal(["info", "--format", "{{.Version.Version}}"], EngineArguments.ServerVersion(new EngineOptions(EngineKind.Podman)));
    }

    [Fact]
    public void A_podman_check_container_is_removed_without_waiting_the_ten_second_stop_timeout()
    {
        Assert.Equal(["rm", "--force", "--time", "0", "c1"], EngineArguments.RemoveContainer("c1", EngineKind.Podman));
        Assert.Equal(["rm", "--force", "c1"], EngineArguments.RemoveContainer("c1"));
    }
}