using System.Collections.Immutable;

namespace DockerOpt.Transforms.Layers;

/// <summary>
/// What the layer passes know about one package manager: the programs that invoke it, the subcommands that fill
/// its cache, where that cache lives for root (and which ENV moves it), and the cleanup that people write to keep
/// the cache out of a layer. One row per manager in <see cref="PackageManagers.All"/>: knowledge is data.
/// </summary>
/// <param name="Id">Short name used in findings (<c>apt</c>, <c>pip</c>...).</param>
/// <param name="Programs">Command names (basename) that run it.</param>
/// <param name="CacheVerbs">Subcommands that download into the cache (empty: every invocation does).</param>
/// <param name="Caches">Cache directories for a cache mount, in mount order.</param>
/// <param name="CleanupPaths">Paths whose <c>rm</c> removes the cache (what a cache mount makes unnecessary).</param>
/// <param name="CleanupCommands">Commands that empty the cache, as word prefixes (<c>apt-get clean</c>).</param>
/// <param name="NoCacheFlags">Install flags that keep the cache out of the layer instead (<c>--no-cache-dir</c>).</param>
/// <param name="DisablingEnv">ENV names that switch the cache off (a mount would be pointless).</param>
/// <param name="CacheIsInstall">
/// The cache IS what later commands read (Go modules, Cargo registry, Maven, Gradle, NuGet, and apt's package lists
/// under /var/lib/apt): once one RUN mounts it, every RUN that uses the manager must mount it too, or it will not
/// find what the first one put there; and nothing at run time may need it.
/// </param>
internal sealed record PackageManager(
    string Id,
    ImmutableArray<string> Programs,
    ImmutableArray<string> CacheVerbs,
    ImmutableArray<CacheLocation> Caches,
    ImmutableArray<string> CleanupPaths,
    ImmutableArray<string> CleanupCommands,
    ImmutableArray<string> NoCacheFlags,
    ImmutableArray<string> DisablingEnv,
    bool CacheIsInstall)
{
    /// <summary>True when a cache mount is known and safe to propose for this manager.</summary>
    public bool Mountable => !Caches.IsEmpty;
}

/// <summary>
/// One cache directory: its default for root, the ENV that relocates it (with the part appended to that ENV's
/// value), and the mount options (apt needs <c>sharing=locked</c>: apt takes a lock, parallel builds would wait).
/// </summary>
internal sealed record CacheLocation(string DefaultTarget, string? EnvName, string EnvSuffix, string Options)
{
    /// <summary>The target for an environment, or null when the ENV value is not a usable absolute path.</summary>
    public string? Target(IReadOnlyDictionary<string, string?> env)
    {
        ArgumentNullException.ThrowIfNull(env);
        if (EnvName is null || !env.TryGetValue(EnvName, out var value))
        {
            return DefaultTarget;
        }

        if (string.IsNullOrEmpty(value) || !value.StartsWith('/') || value.Contains('$', StringComparison.Ordinal) || value.Contains(' ', StringComparison.Ordinal))
        {
            return null;
        }

        return value.TrimEnd('/') + EnvSuffix;
    }
}