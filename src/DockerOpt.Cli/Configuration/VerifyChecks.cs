using System.Collections.Immutable;

namespace DockerOpt.Cli.Configuration;

/// <summary>
/// The checks <c>dockeropt verify</c> runs on both images of one Dockerfile, as typed on the command line or in a
/// <c>verify:</c> entry of <c>.dockeropt.yaml</c>: the HTTP probe (<c>8080/healthz</c>) and the text its body must
/// contain, a smoke command, and environment variables (<c>K=V</c> or <c>K</c>) for the check containers.
/// </summary>
public sealed record VerifyChecks(string? Http, string? Expect, string? Smoke, ImmutableArray<string> Environment)
{
    /// <summary>No checks: verify builds and measures both images only.</summary>
    public static VerifyChecks None { get; } = new(null, null, null, []);

    /// <summary>
    /// These checks where they say something, <paramref name="fallback"/>'s elsewhere: the command line over the file.
    /// Environment variables add up, the command line's last, so it wins where both set a name (as with docker).
    /// </summary>
    public VerifyChecks Over(VerifyChecks fallback)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        return new VerifyChecks(
            Http ?? fallback.Http,
            Http is null ? Expect ?? fallback.Expect : Expect,
            Smoke ?? fallback.Smoke,
            [.. fallback.Environment, .. Environment]);
    }
}