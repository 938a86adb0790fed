namespace DockerOpt.Core.Shell.Commands;

/// <summary>
/// A directory where a package manager keeps its downloads, as a BuildKit cache mount: its default for root, the ENV
/// that relocates it (with the part appended to that ENV's value: <c>GOPATH</c> + <c>/pkg/mod</c>) and the mount's
/// sharing mode.
/// </summary>
/// <param name="Target">The directory for root when no ENV moves it.</param>
/// <param name="Sharing"><c>locked</c> when the tool needs exclusive access (apt takes a lock, parallel builds would wait), otherwise null (BuildKit's default, shared).</param>
/// <param name="RelocatedBy">The ENV that moves the directory, or null.</param>
/// <param name="RelocationSuffix">What follows that ENV's value in the directory's path.</param>
public sealed record CacheMountFact(string Target, string? Sharing = null, string? RelocatedBy = null, string RelocationSuffix = "")
{
    /// <summary>The options after <c>target=...</c> in a <c>--mount</c> flag (<c>,sharing=locked</c>), or empty.</summary>
    public string MountOptions => Sharing is null ? string.Empty : ",sharing=" + Sharing;

    /// <summary>
    /// The <c>--mount</c> flag dockeropt writes for this cache at <paramref name="target"/>. One spelling for every pass
    /// that writes one, and for CacheSetups, which must tell such a mount from an author's own.
    /// </summary>
    public string FlagFor(string target) => $"--mount=type=cache,target={target}{MountOptions}";

    /// <summary>The directory under an environment, or null when the relocating ENV's value is not a usable absolute path.</summary>
    public string? TargetIn(IReadOnlyDictionary<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (RelocatedBy is null || !environment.TryGetValue(RelocatedBy, out string? value))
        {
            return Target;
        }

        if (string.IsNullOrEmpty(value) || !value.StartsWith('/') || value.Contains('$', StringComparison.Ordinal) || value.Contains(' ', StringComparison.Ordinal))
        {
            return null;
        }

        return value.TrimEnd('/') + RelocationSuffix;
    }
}