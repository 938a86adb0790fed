using DockerOpt.Engine.Engines;

namespace DockerOpt.Engine.Tests.Engines;

/// <summary>
/// Where the HTTP probe looks for a check container's published port: on this machine for an engine reached through
/// a local socket, on the engine's host for one reached over the network.
/// </summary>
public sealed class ProbeAddressTests
{
    [Theory]
    [InlineData("unix:///var/run/docker.sock")]
    [InlineData("unix:///var/run/dockeropt-remote.sock")]
    [InlineData("npipe:////./pipe/docker_engine")]
    [InlineData("tcp://127.0.0.1:2375")]
    [InlineData("tcp://localhost:2376")]
    [InlineData("tcp://[::1]:2375")]
    [InlineData("ssh://ci@localhost")]
    [InlineData("")]
    [InlineData("not an endpoint")]
    public void An_engine_on_this_machine_publishes_on_loopback_only_and_is_probed_there(string endpoint)
    {
        Assert.Equal(new ProbeAddress("127.0.0.1", "127.0.0.1"), ProbeAddress.ForEndpoint(endpoint));
    }

    [Theory]
    [InlineData("tcp://build-1.example.com:2376", "build-1.example.com")]
    [InlineData("tcp://10.20.30.40:2375", "10.20.30.40")]
    [InlineData("ssh://ci@build-2.example.com", "build-2.example.com")]
    [InlineData("ssh://ci@build-2.example.com:2222", "build-2.example.com")]
    public void An_engine_on_another_host_publishes_on_all_its_interfaces_and_is_probed_at_the_endpoints_host(string endpoint, string host)
    {
        Assert.Equal(new ProbeAddress("0.0.0.0", host), ProbeAddress.ForEndpoint(endpoint));
    }

    [Fact]
    public void The_probe_container_is_published_on_the_interface_the_address_names()
    {
        Assert.Contains("0.0.0.0::8080", EngineArguments.RunDetached("c1", "app:1", 8080, publishInterface: "0.0.0.0"));
    }
}