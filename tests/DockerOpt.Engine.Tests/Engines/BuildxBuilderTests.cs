using DockerOpt.Engine.Engines;

namespace DockerOpt.Engine.Tests.Engines;

/// <summary>
/// Which engine holds an image a buildx builder <c>--load</c>s, read from <c>docker buildx inspect NAME</c> (the texts
/// below are buildx 0.13's layout; the docker-driver one is this machine's second daemon).
/// </summary>
public sealed class BuildxBuilderTests
{
    [Fact]
    public void A_docker_driver_builder_is_an_engine_itself_and_its_images_are_in_the_context_it_names()
    {
        const string Inspect = """
            Name:          dockeropt-remote
            Driver:        docker
            Last Activity: 2026-12-06 22:40:01 +0000 UTC

            Nodes:
            Name:             dockeropt-remote
            Endpoint:         dockeropt-remote
            Status:           running
            BuildKit version: v0.13.2
            Platforms:        linux/amd64, linux/amd64/v2
            """;

        var builder = BuildxBuilder.Parse("dockeropt-remote", Inspect);

        Assert.Equal(new BuildxBuilder("dockeropt-remote", "docker", "dockeropt-remote"), builder);
        Assert.Equal("dockeropt-remote", builder?.EngineContext);
    }

    [Theory]
    [InlineData("remote", "tcp://buildkitd.build-farm.example.com:1234")]
    [InlineData("kubernetes", "kubernetes:///farm?deployment=buildkit-farm0&kubeconfig=")]
    [InlineData("docker-container", "unix:///var/run/docker.sock")]
    public void Other_drivers_load_into_the_engine_of_the_clients_current_context(string driver, string endpoint)
    {
        var inspect = $"""
            Name:          farm
            Driver:        {driver}
            Last Activity: 2026-12-06 22:40:01 +0000 UTC

            Nodes:
            Name:           farm0
            Endpoint:       {endpoint}
            Driver Options: namespace="buildkit" replicas="2"
            Status:         running
            """;

        var builder = BuildxBuilder.Parse("farm", inspect);

        Assert.Equal(new BuildxBuilder("farm", driver, endpoint), builder);
        Assert.Null(builder?.EngineContext);
    }

    [Fact]
    public void Text_without_a_driver_is_not_a_builder()
    {
        Assert.Null(BuildxBuilder.Parse("nope", "ERROR: no builder \"nope\" found\n"));
    }
}