using System.Globalization;

namespace DockerOpt.Engine.Engines;

/// <summary>
/// An HTTP check of a running container: the container port to publish and the path to GET
/// (<c>--http 8080/health</c>), and optionally a text the response body must contain (<c>--expect ok</c>).
/// </summary>
public sealed record HttpProbe(int Port, string Path)
{
    /// <summary>Text the response body must contain (ordinal, case-sensitive); null checks the status only.</summary>
    public string? Expect { get; init; }

    /// <summary>Parses <c>PORT</c> or <c>PORT/path</c>; null when the text is not of that form.</summary>
    public static HttpProbe? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var portText = slash < 0 ? text : text[..slash];
        var path = slash < 0 ? "/" : text[slash..];
        return int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536
            ? new HttpProbe(port, path)
            : null;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Port}{Path}");
}