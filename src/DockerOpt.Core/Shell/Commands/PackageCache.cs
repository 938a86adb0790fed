using System.Collections.Immutable;

namespace DockerOpt.Core.Shell.Commands;

/// <summary>
/// The download cache of one or more package managers (dnf, yum and microdnf share one; so do gem and bundler): where
/// it lives, what empties it, and what it means to later commands. Each tool's row in <see cref="PackageManagerFacts"/>
/// names its cache; the rows themselves are in <see cref="PackageCaches"/>.
/// </summary>
public sealed record PackageCache
{
    /// <summary>Short name used in findings (<c>apt</c>, <c>pip</c>, <c>nuget</c>).</summary>
    public required string Id { get; init; }

    /// <summary>Its directories as cache mounts, in mount order.</summary>
    public required ImmutableArray<CacheMountFact> Mounts { get; init; }

    /// <summary>
    /// True when cache-mounts proposes the mounts. False for apk and dnf/yum: there package-hygiene keeps the cache out
    /// of the layer with <c>apk add --no-cache</c> and <c>dnf clean all</c> instead.
    /// </summary>
    public bool ProposeMount { get; init; } = true;

    /// <summary>Arguments of <c>rm</c> that empty the cache (what a cache mount makes unnecessary), as people write them.</summary>
    public ImmutableArray<string> CleanupPaths { get; init; } = [];

    /// <summary>Commands that empty the cache, as word prefixes without options (<c>apt-get clean</c>, <c>yum clean all</c>).</summary>
    public ImmutableArray<string> CleanupCommands { get; init; } = [];

    /// <summary>
    /// Cleanup commands (as in <see cref="CleanupCommands"/>) and <c>rm</c> paths that empty parts of the cache its
    /// mounts do not cover (apt mounts its lists; <c>apt-get clean</c> empties /var/cache/apt): a mount does not make
    /// them unnecessary, so they stay.
    /// </summary>
    public ImmutableArray<string> CleanupBesideMounts { get; init; } = [];

    /// <summary>
    /// Cleanup commands that empty the mounted directories together with others (<c>apt-get dist-clean</c>): they cannot
    /// go, and with them in the RUN a mount would be emptied on every build and gain nothing.
    /// </summary>
    public ImmutableArray<string> CleanupOfMountsAndMore { get; init; } = [];

    /// <summary>
    /// Words that show a Dockerfile sets up this cache its own way (apt's <c>docker-clean</c> hook or
    /// <c>Keep-Downloaded-Packages</c>, <c>--cache-dir</c>, a relocating variable): where one appears, the author's
    /// set-up is left alone, since a mount or a no-cache flag from dockeropt would switch it off.
    /// </summary>
    public ImmutableArray<string> SetupMarkers { get; init; } = [];

    /// <summary>ENV names that switch the cache off (a mount would be pointless).</summary>
    public ImmutableArray<string> DisablingEnv { get; init; } = [];

    /// <summary>
    /// The cache IS what later commands read (Go modules, Cargo registry, Maven, Gradle, NuGet, and apt's package lists
    /// under /var/lib/apt): once one RUN mounts it, every RUN that uses the tool must mount it too, or it will not find
    /// what the first one put there; and nothing at run time may need it.
    /// </summary>
    public bool CacheIsInstall { get; init; }

    /// <summary>Programs besides the tools' own executables that read the cache or lists (<c>apt-cache</c>, <c>npx</c>).</summary>
    public ImmutableArray<string> OtherReaders { get; init; } = [];

    public override string ToString() => Id;
}