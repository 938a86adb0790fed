using System.Net;

namespace DockerOpt.Engine.Engines;

/// <summary>
/// Where a check container's port is published on the engine's host and where the HTTP probe connects to reach it,
/// decided from the engine's endpoint. An engine on this machine (a unix socket, or TCP/SSH to a loopback address)
/// publishes on 127.0.0.1 only, and the probe connects there. An engine on another host publishes on all of that
/// host's interfaces, and the probe connects to the endpoint's host name: the container's port lives over there.
/// </summary>
/// <param name="PublishInterface">The host interface given to <c>--publish IFACE::PORT</c>.</param>
/// <param name="Host">The host the probe's GET goes to.</param>
public sealed record ProbeAddress(string PublishInterface, string Host)
{
    /// <summary>An engine on this machine: published on loopback only, so nothing is exposed beyond it.</summary>
    public static ProbeAddress Loopback { get; } = new("127.0.0.1", "127.0.0.1");

    /// <summary>
    /// The address for an engine endpoint as the client reports it (<c>unix:///var/run/docker.sock</c>,
    /// <c>tcp://build-1.example.com:2376</c>, <c>ssh://ci@build-1.example.com</c>); empty or unknown means this machine.
    /// </summary>
    public static ProbeAddress ForEndpoint(string? endpoint)
    {
        if (string.IsNullOrWhiteSpace(endpoint) || !Uri.TryCreate(endpoint.Trim(), UriKind.Absolute, out var uri))
        {
            return Loopback;
        }

        if (uri.Scheme is not ("tcp" or "ssh" or "http" or "https") || uri.Host.Length == 0 || IsThisMachine(uri.Host))
        {
            // unix:// and npipe:// are local by construction.
            return Loopback;
        }

        return new ProbeAddress("0.0.0.0", uri.IdnHost);
    }

    private static bool IsThisMachine(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}