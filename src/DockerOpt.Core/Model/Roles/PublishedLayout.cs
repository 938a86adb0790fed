using System.Collections.Immutable;

namespace DockerOpt.Core.Model.Roles;

/// <summary>
/// The folder layout of repositories that publish base images (docker-library, dotnet-docker, the Azure Functions
/// images): a version folder followed by variant folders, <c>3.12/bookworm/</c>, <c>8.2/alpine3.23/cli/</c>,
/// <c>8.0/bookworm-slim/amd64/</c>. A version folder alone is not enough (<c>lesson/2/</c>): a variant must follow.
/// </summary>
public static class PublishedLayout
{
    /// <summary>Words a variant folder is made of: distributions, flavours, architectures.</summary>
    public static ImmutableArray<string> VariantWords { get; } =
    [
        "alpine", "bookworm", "bullseye", "buster", "stretch", "trixie", "bionic", "focal", "jammy", "noble", "xenial",
        "debian", "ubuntu", "slim", "windows", "windowsservercore", "nanoserver", "servercore", "ltsc", "cbl", "mariner",
        "azurelinux", "ubi", "oraclelinux", "jdk", "jre", "temurin", "corretto", "apache", "fpm", "cli", "zts", "amd64",
        "arm64", "arm64v8", "arm32v7", "distroless", "chiseled", "noble", "curl", "scm", "otel", "perl", "dind", "rootless",
    ];

    /// <summary>The layout (<c>3.12/bookworm/</c>) when the folders follow it, else null.</summary>
    public static string? Find(IReadOnlyList<string> directories)
    {
        ArgumentNullException.ThrowIfNull(directories);
        for (var i = 0; i < directories.Count - 1; i++)
        {
            if (!IsVersion(directories[i]) || !IsVariant(directories[i + 1]))
            {
                continue;
            }

            return string.Join('/', directories.Skip(i)) + "/";
        }

        return null;
    }

    private static bool IsVersion(string segment)
    {
        var text = segment.StartsWith('v') ? segment[1..] : segment;
        if (text.Length == 0 || !char.IsDigit(text[0]))
        {
            return false;
        }

        // 3, 3.12, 10.1, 8.0, 1.26-rc (a prerelease suffix is allowed after the numbers).
        var numbers = text.Split('-')[0];
        return numbers.All(c => char.IsDigit(c) || c == '.') && !numbers.EndsWith('.');
    }

    private static bool IsVariant(string segment)
    {
        if (IsVersion(segment))
        {
            return true;
        }

        var lower = segment.ToLowerInvariant();
        return lower.Split(['-', '.', '_'], StringSplitOptions.RemoveEmptyEntries)
            .Any(token => VariantWords.Any(w => token.StartsWith(w, StringComparison.Ordinal)));
    }
}