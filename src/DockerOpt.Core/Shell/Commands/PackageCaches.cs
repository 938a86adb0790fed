using System.Collections.Frozen;
using System.Collections.Immutable;

namespace DockerOpt.Core.Shell.Commands;

/// <summary>
/// The package caches, one row per cache, referenced by the tool rows of <see cref="PackageManagerFacts"/>. Paths are
/// the defaults for root in the official images (an ENV that moves one is named on its mount), following Docker's
/// "Optimize cache usage in builds" guide (docs.docker.com/build/cache/optimize/#use-cache-mounts).
/// </summary>
public static class PackageCaches
{
    private const string Locked = "locked";

    /// <summary>
    /// apt mounts only its package lists. Downloaded .debs are kept out of layers by the image's own configuration
    /// (Debian's and Ubuntu's /etc/apt/apt.conf.d/docker-clean deletes them after every install); caching them would
    /// mean changing that configuration, and every image built FROM the result would then keep its downloads. The
    /// lists mount alone leaves /etc/apt as it was and saves the index download (about 9 MB for bookworm) on a rebuild.
    /// Not /var/lib/apt: its extended_states (which packages were installed automatically) belongs in the image.
    /// </summary>
    public static PackageCache Apt { get; } = new()
    {
        Id = "apt",
        Mounts = [new("/var/lib/apt/lists", Locked)],
        CleanupPaths =
        [
            "/var/lib/apt/lists/*", "/var/lib/apt/lists", "/var/lib/apt/lists/", "/var/lib/apt/lists/**", "/var/lib/apt/lists/partial",
            "/var/cache/apt/*", "/var/cache/apt", "/var/cache/apt/", "/var/cache/apt/archives", "/var/cache/apt/archives/*",
            "/var/cache/apt/archives/*.deb", "/var/cache/apt/archives/partial/*", "/var/cache/apt/*.bin", "/var/cache/apt/archives/partial",
        ],
        CleanupCommands =
        [
            "apt-get clean", "apt clean", "apt-get autoclean", "apt autoclean", "aptitude clean",
            "apt-get dist-clean", "apt-get distclean", "apt dist-clean", "apt distclean",
        ],
        CleanupBesideMounts =
        [
            "apt-get clean", "apt clean", "apt-get autoclean", "apt autoclean", "aptitude clean",
            "/var/cache/apt/*", "/var/cache/apt", "/var/cache/apt/", "/var/cache/apt/archives", "/var/cache/apt/archives/*",
            "/var/cache/apt/archives/*.deb", "/var/cache/apt/archives/partial/*", "/var/cache/apt/*.bin", "/var/cache/apt/archives/partial",
        ],
        CleanupOfMountsAndMore = ["apt-get dist-clean", "apt-get distclean", "apt dist-clean", "apt distclean"],
        CacheIsInstall = true,
        OtherReaders = ["apt-cache", "add-apt-repository", "apt-key", "apt-mark", "unattended-upgrade"],
        SetupMarkers = ["docker-clean", "Keep-Downloaded-Packages", "Dir::Cache", "Dir::State::Lists"],
    };

    public static PackageCache Apk { get; } = new()
    {
        Id = "apk",
        Mounts = [new("/var/cache/apk", Locked)],
        ProposeMount = false,
        CleanupPaths = ["/var/cache/apk/*", "/var/cache/apk", "/var/cache/apk/"],
        CleanupCommands = ["apk cache clean"],
        SetupMarkers = ["/etc/apk/cache"],
    };

    /// <summary>dnf, yum, microdnf and tdnf.</summary>
    public static PackageCache Dnf { get; } = new()
    {
        Id = "dnf",
        Mounts = [new("/var/cache/dnf", Locked), new("/var/cache/yum", Locked)],
        ProposeMount = false,
        CleanupPaths = ["/var/cache/yum", "/var/cache/yum/*", "/var/cache/dnf", "/var/cache/dnf/*", "/var/cache/yum/", "/var/cache/dnf/"],
        CleanupCommands = ["dnf clean all", "yum clean all", "microdnf clean all", "tdnf clean all"],
    };

    public static PackageCache Pip { get; } = new()
    {
        Id = "pip",
        Mounts = [new("/root/.cache/pip", RelocatedBy: "PIP_CACHE_DIR")],
        CleanupPaths = ["/root/.cache/pip", "/root/.cache/pip/*", "/root/.cache/pip/", "/root/.cache", "/root/.cache/*", "/root/.cache/"],
        CleanupCommands = ["pip cache purge", "pip3 cache purge"],
        DisablingEnv = ["PIP_NO_CACHE_DIR"],
        SetupMarkers = ["global.cache-dir"],
        OtherReaders = ["python", "python3", "pipenv", "poetry"],
    };

    public static PackageCache Npm { get; } = new()
    {
        Id = "npm",
        Mounts = [new("/root/.npm", RelocatedBy: "npm_config_cache")],
        CleanupPaths = ["/root/.npm", "/root/.npm/*", "/root/.npm/", "/root/.npm/_cacache", "/root/.npm/_cacache/*"],
        CleanupCommands = ["npm cache clean --force", "npm cache clean -f", "npm cache clear --force", "npm cache clean"],
        SetupMarkers = ["npm config set cache"],
        OtherReaders = ["npx", "node"],
    };

    /// <summary>Yarn 1's cache (Yarn 2+ keeps packages in its cache: see cache-mounts).</summary>
    public static PackageCache Yarn { get; } = new()
    {
        Id = "yarn",
        Mounts = [new("/usr/local/share/.cache/yarn", RelocatedBy: "YARN_CACHE_FOLDER")],
        CleanupPaths = ["/usr/local/share/.cache/yarn", "/usr/local/share/.cache/yarn/*", "/usr/local/share/.cache/yarn/", "/root/.cache/yarn", "/root/.cache/yarn/*"],
        CleanupCommands = ["yarn cache clean"],
        SetupMarkers = ["yarn config set cache-folder"],
        OtherReaders = ["npx", "node"],
    };

    public static PackageCache Pnpm { get; } = new()
    {
        Id = "pnpm",
        Mounts = [new("/root/.local/share/pnpm/store", RelocatedBy: "PNPM_HOME", RelocationSuffix: "/store")],
        CleanupPaths = ["/root/.local/share/pnpm/store", "/root/.local/share/pnpm/store/*"],
        CleanupCommands = ["pnpm store prune"],
        SetupMarkers = ["pnpm config set store-dir"],
    };

    /// <summary>Go's module cache and build cache.</summary>
    public static PackageCache Go { get; } = new()
    {
        Id = "go",
        Mounts = [new("/root/go/pkg/mod", RelocatedBy: "GOPATH", RelocationSuffix: "/pkg/mod"), new("/root/.cache/go-build", RelocatedBy: "GOCACHE")],
        CleanupPaths = ["/root/.cache/go-build", "/root/.cache/go-build/*"],
        CleanupCommands = ["go clean -cache", "go clean -modcache"],
        CacheIsInstall = true,
    };

    /// <summary>Cargo's registry and git checkouts.</summary>
    public static PackageCache Cargo { get; } = new()
    {
        Id = "cargo",
        Mounts = [new("/root/.cargo/registry", RelocatedBy: "CARGO_HOME", RelocationSuffix: "/registry"), new("/root/.cargo/git", RelocatedBy: "CARGO_HOME", RelocationSuffix: "/git")],
        CacheIsInstall = true,
    };

    public static PackageCache Maven { get; } = new()
    {
        Id = "maven",
        Mounts = [new("/root/.m2")],
        CacheIsInstall = true,
    };

    public static PackageCache Gradle { get; } = new()
    {
        Id = "gradle",
        Mounts = [new("/root/.gradle", RelocatedBy: "GRADLE_USER_HOME")],
        CacheIsInstall = true,
    };

    public static PackageCache NuGet { get; } = new()
    {
        Id = "nuget",
        Mounts = [new("/root/.nuget/packages", RelocatedBy: "NUGET_PACKAGES")],
        CacheIsInstall = true,
    };

    public static PackageCache Composer { get; } = new()
    {
        Id = "composer",
        Mounts = [new("/root/.cache/composer", RelocatedBy: "COMPOSER_CACHE_DIR")],
        CleanupPaths = ["/root/.cache/composer", "/root/.composer/cache"],
        CleanupCommands = ["composer clear-cache", "composer clearcache", "composer cc"],
    };

    /// <summary>
    /// gem's and bundler's download cache. Only known in the ruby images (GEM_HOME); elsewhere it depends on the
    /// distribution's Ruby version.
    /// </summary>
    public static PackageCache Gem { get; } = new()
    {
        Id = "gem",
        Mounts = [new("/usr/local/bundle/cache", RelocatedBy: "GEM_HOME", RelocationSuffix: "/cache")],
    };

    /// <summary>Every cache, in the order their mounts are written.</summary>
    public static ImmutableArray<PackageCache> All { get; } =
        [Apt, Apk, Dnf, Pip, Npm, Yarn, Pnpm, Go, Cargo, Maven, Gradle, NuGet, Composer, Gem];

    /// <summary>
    /// ENV the official images set that move caches (golang's GOPATH=/go, rust's CARGO_HOME, ruby's GEM_HOME,
    /// composer's COMPOSER_CACHE_DIR=/tmp/cache), keyed by the image's last path segment.
    /// </summary>
    public static FrozenDictionary<string, ImmutableDictionary<string, string?>> ImageEnvironment { get; } =
        new Dictionary<string, ImmutableDictionary<string, string?>>(StringComparer.Ordinal)
        {
            ["golang"] = Env("GOPATH", "/go"),
            ["rust"] = Env("CARGO_HOME", "/usr/local/cargo"),
            ["ruby"] = Env("GEM_HOME", "/usr/local/bundle"),
            ["composer"] = Env("COMPOSER_CACHE_DIR", "/tmp/cache"),
        }.ToFrozenDictionary(StringComparer.Ordinal);

    private static ImmutableDictionary<string, string?> Env(string name, string value) =>
        ImmutableDictionary<string, string?>.Empty.WithComparers(StringComparer.Ordinal).Add(name, value);
}