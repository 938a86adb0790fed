using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace DockerOpt.Core.Model.Roles;

/// <summary>
/// The folder layout of repositories that publish base images (docker-library, dotnet-docker, the Azure Functions
/// images): a version folder followed by variant folders, <c>3.12/bookworm/</c>, <c>8.2/alpine3.23/cli/</c>,
/// <c>8.0/bookworm-slim/amd64/</c>. A version folder alone is not enough (<c>lesson/2/</c>): a variant must follow.
/// </summary>
public static partial class PublishedLayout
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

    /// <summary>
    /// A versioned file published with siblings of other versions in its folder (tiangolo's
    /// <c>docker-images/python3.11-slim.dockerfile</c> beside <c>python3.10.dockerfile</c> and
    /// <c>python3.11.dockerfile</c>): a matrix of images for others to build FROM. The siblings as a clause, or null.
    /// </summary>
    public static string? VersionedSiblings(string fileName, IReadOnlyList<string> folderEntries)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(folderEntries);
        if (VersionedFile().Match(fileName) is not { Success: true } own)
        {
            return null;
        }

        var siblings = folderEntries
            .Where(e => e != fileName)
            .Select(e => (Name: e, Match: VersionedFile().Match(e)))
            .Where(e => e.Match.Success && string.Equals(e.Match.Groups["name"].Value, own.Groups["name"].Value, StringComparison.OrdinalIgnoreCase))
            .ToList();
        return siblings.Count >= 2 && siblings.Any(e => e.Match.Groups["version"].Value != own.Groups["version"].Value)
            ? string.Join(", ", siblings.Take(3).Select(e => e.Name))
            : null;
    }

    // python3.11-slim.dockerfile, node-20.dockerfile: a name, a version, an optional variant.
    [GeneratedRegex(@"^(?<name>[a-z][a-z_-]*?)-?(?<version>\d+(\.\d+)*)(?<variant>[-.][a-z0-9.-]+)?\.dockerfile$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VersionedFile();

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