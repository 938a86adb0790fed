using System.Collections.Immutable;

namespace DockerOpt.Transforms.Layers;

/// <summary>
/// The package-manager facts table used by same-layer-cleanup, cache-mounts and package-hygiene. Cache paths are
/// the defaults for root in the official images (ENV overrides listed per row), following Docker's cache-mount
/// documentation (docs.docker.com/build/cache/optimize/#use-cache-mounts).
/// </summary>
internal static class PackageManagers
{
    private const string Locked = ",sharing=locked";

    public static PackageManager Apt { get; } = new(
        "apt",
        ["apt-get", "apt", "aptitude"],
        ["install", "upgrade", "dist-upgrade", "full-upgrade", "build-dep", "reinstall", "update", "source"],
        [new("/var/cache/apt", null, string.Empty, Locked), new("/var/lib/apt", null, string.Empty, Locked)],
        ["/var/lib/apt/lists/*", "/var/lib/apt/lists", "/var/lib/apt/lists/", "/var/lib/apt/lists/**", "/var/lib/apt/lists/partial",
         "/var/cache/apt/*", "/var/cache/apt", "/var/cache/apt/", "/var/cache/apt/archives", "/var/cache/apt/archives/*",
         "/var/cache/apt/archives/*.deb", "/var/cache/apt/archives/partial/*", "/var/cache/apt/*.bin", "/var/cache/apt/archives/partial"],
        ["apt-get clean", "apt clean", "apt-get autoclean", "apt autoclean", "aptitude clean"],
        [],
        [],
        true);

    public static PackageManager Apk { get; } = new(
        "apk",
        ["apk"],
        ["add", "upgrade", "update"],
        [],
        ["/var/cache/apk/*", "/var/cache/apk", "/var/cache/apk/"],
        ["apk cache clean"],
        ["--no-cache"],
        [],
        false);

    public static PackageManager Dnf { get; } = new(
        "dnf",
        ["dnf", "yum", "microdnf", "tdnf"],
        ["install", "update", "upgrade", "groupinstall", "reinstall", "makecache"],
        [],
        ["/var/cache/yum", "/var/cache/yum/*", "/var/cache/dnf", "/var/cache/dnf/*", "/var/cache/yum/", "/var/cache/dnf/"],
        ["dnf clean all", "yum clean all", "microdnf clean all", "tdnf clean all"],
        [],
        [],
        false);

    public static PackageManager Pip { get; } = new(
        "pip",
        ["pip", "pip3"],
        ["install", "download", "wheel"],
        [new("/root/.cache/pip", "PIP_CACHE_DIR", string.Empty, string.Empty)],
        ["/root/.cache/pip", "/root/.cache/pip/*", "/root/.cache/pip/", "/root/.cache", "/root/.cache/*", "/root/.cache/"],
        ["pip cache purge", "pip3 cache purge"],
        ["--no-cache-dir"],
        ["PIP_NO_CACHE_DIR"],
        false);

    public static PackageManager Npm { get; } = new(
        "npm",
        ["npm"],
        ["install", "i", "ci", "add", "isntall", "in", "ins", "inst", "insta", "instal", "update", "up"],
        [new("/root/.npm", "npm_config_cache", string.Empty, string.Empty)],
        ["/root/.npm", "/root/.npm/*", "/root/.npm/", "/root/.npm/_cacache", "/root/.npm/_cacache/*"],
        ["npm cache clean --force", "npm cache clean -f", "npm cache clear --force", "npm cache clean"],
        [],
        [],
        false);

    public static PackageManager Yarn { get; } = new(
        "yarn",
        ["yarn"],
        ["install", "add", string.Empty],
        [new("/usr/local/share/.cache/yarn", "YARN_CACHE_FOLDER", string.Empty, string.Empty)],
        ["/usr/local/share/.cache/yarn", "/usr/local/share/.cache/yarn/*", "/usr/local/share/.cache/yarn/", "/root/.cache/yarn", "/root/.cache/yarn/*"],
        ["yarn cache clean"],
        [],
        [],
        false);

    public static PackageManager Pnpm { get; } = new(
        "pnpm",
        ["pnpm"],
        ["install", "i", "add", "fetch"],
        [new("/root/.local/share/pnpm/store", "PNPM_HOME", "/store", string.Empty)],
        ["/root/.local/share/pnpm/store", "/root/.local/share/pnpm/store/*"],
        ["pnpm store prune"],
        [],
        [],
        false);

    public static PackageManager Go { get; } = new(
        "go",
        ["go"],
        ["build", "install", "test", "get", "mod", "run", "generate", "vet", "list"],
        [new("/root/go/pkg/mod", "GOPATH", "/pkg/mod", string.Empty), new("/root/.cache/go-build", "GOCACHE", string.Empty, string.Empty)],
        ["/root/.cache/go-build", "/root/.cache/go-build/*"],
        ["go clean -cache", "go clean -modcache"],
        [],
        [],
        true);

    public static PackageManager Cargo { get; } = new(
        "cargo",
        ["cargo"],
        ["build", "install", "fetch", "test", "run", "vendor"],
        [new("/root/.cargo/registry", "CARGO_HOME", "/registry", string.Empty), new("/root/.cargo/git", "CARGO_HOME", "/git", string.Empty)],
        [],
        [],
        [],
        [],
        true);

    public static PackageManager Maven { get; } = new(
        "maven",
        ["mvn", "mvnw"],
        [],
        [new("/root/.m2", null, string.Empty, string.Empty)],
        [],
        [],
        [],
        [],
        true);

    public static PackageManager Gradle { get; } = new(
        "gradle",
        ["gradle", "gradlew"],
        [],
        [new("/root/.gradle", "GRADLE_USER_HOME", string.Empty, string.Empty)],
        [],
        [],
        [],
        [],
        true);

    public static PackageManager NuGet { get; } = new(
        "nuget",
        ["dotnet", "nuget"],
        ["restore", "build", "publish", "test", "pack", "run"],
        [new("/root/.nuget/packages", "NUGET_PACKAGES", string.Empty, string.Empty)],
        [],
        [],
        [],
        [],
        true);

    public static PackageManager Composer { get; } = new(
        "composer",
        ["composer", "composer.phar"],
        ["install", "update", "require", "create-project"],
        [new("/root/.cache/composer", "COMPOSER_CACHE_DIR", string.Empty, string.Empty)],
        ["/root/.cache/composer", "/root/.composer/cache"],
        ["composer clear-cache", "composer clearcache", "composer cc"],
        [],
        [],
        false);

    public static PackageManager Gem { get; } = new(
        "gem",
        ["gem", "bundle", "bundler"],
        ["install"],
        [new("/usr/local/bundle/cache", "GEM_HOME", "/cache", string.Empty)],
        [],
        [],
        [],
        [],
        false);

    /// <summary>Every manager, in the order their mounts are written.</summary>
    public static ImmutableArray<PackageManager> All { get; } =
        [Apt, Apk, Dnf, Pip, Npm, Yarn, Pnpm, Go, Cargo, Maven, Gradle, NuGet, Composer, Gem];

    /// <summary>
    /// ENV the official images set that move caches (golang's GOPATH=/go, rust's CARGO_HOME, ruby's GEM_HOME,
    /// composer's COMPOSER_HOME=/tmp), keyed by the image's last path segment.
    /// </summary>
    public static ImmutableDictionary<string, ImmutableDictionary<string, string?>> ImageEnv { get; } =
        new Dictionary<string, ImmutableDictionary<string, string?>>(StringComparer.Ordinal)
        {
            ["golang"] = Env(("GOPATH", "/go")),
            ["rust"] = Env(("CARGO_HOME", "/usr/local/cargo")),
            ["ruby"] = Env(("GEM_HOME", "/usr/local/bundle")),
            ["composer"] = Env(("COMPOSER_CACHE_DIR", "/tmp/cache")),
        }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>
    /// The environment a RUN sees for cache purposes: the image's known defaults, overridden by the stage's ENV/ARG.
    /// Gem's cache is only known in the ruby image (elsewhere it depends on the distribution's Ruby version).
    /// </summary>
    public static IReadOnlyDictionary<string, string?> EffectiveEnv(RunEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var image = environment.BaseImage ?? string.Empty;
        var repository = image.Split('@')[0];
        var colon = repository.LastIndexOf(':');
        if (colon > repository.LastIndexOf('/'))
        {
            repository = repository[..colon];
        }

        var name = repository[(repository.LastIndexOf('/') + 1)..];
        var env = ImageEnv.TryGetValue(name, out var defaults) ? defaults : ImmutableDictionary<string, string?>.Empty;
        foreach (var (key, value) in environment.Env)
        {
            env = env.SetItem(key, value);
        }

        return env;
    }

    private static ImmutableDictionary<string, string?> Env(params (string Name, string Value)[] pairs) =>
        pairs.ToImmutableDictionary(p => p.Name, p => (string?)p.Value, StringComparer.Ordinal);
}