using System.Collections.Frozen;
using System.Collections.Immutable;

using static DockerOpt.Core.Shell.Commands.PackageAction;

namespace DockerOpt.Core.Shell.Commands;

/// <summary>
/// The one table of package-manager knowledge: how each tool is invoked, which verbs do what, where its caches
/// live and how to keep them out of the image. Passes read it; they do not hard-code tool facts.
/// </summary>
/// <remarks>
/// Cache mount targets follow Docker's "Optimize cache usage in builds" guide (apt with <c>sharing=locked</c>,
/// pip, Go modules, Rust registry and git db, NuGet, Composer's <c>/tmp/cache</c> in the official composer image,
/// <c>/root/.gem</c> for Ruby) and each tool's own default cache location when running as root in the official
/// images (npm <c>/root/.npm</c>, yarn v1 <c>/usr/local/share/.cache/yarn</c>, pnpm
/// <c>/root/.local/share/pnpm/store</c>, Go build cache <c>/root/.cache/go-build</c>, Maven <c>/root/.m2</c>,
/// Gradle <c>/root/.gradle</c>).
/// </remarks>
public static class PackageManagerFacts
{
    private static FrozenDictionary<string, PackageAction> Verbs(params (string Verb, PackageAction Action)[] verbs) =>
        verbs.ToFrozenDictionary(static v => v.Verb, static v => v.Action, StringComparer.Ordinal);

    public static PackageManagerInfo Apt { get; } = new()
    {
        Tool = PackageManager.Apt,
        Ecosystem = "debian",
        Executables = ["apt-get", "apt", "aptitude"],
        Verbs = Verbs(
            ("update", UpdateIndex), ("install", Install), ("reinstall", Install), ("upgrade", Upgrade),
            ("dist-upgrade", Upgrade), ("full-upgrade", Upgrade), ("remove", Remove), ("purge", Remove),
            ("autoremove", AutoRemove), ("autopurge", AutoRemove), ("clean", CleanCache), ("autoclean", CleanCache),
            ("dist-clean", CleanCache)),
        OptionsWithValue = ["-o", "--option", "-t", "--target-release", "--default-release", "-c", "--config-file"],
        ShortOptionsCluster = true,
        AssumeYesOptions = ["-y", "--yes", "--assume-yes"],
        CacheMounts = [new("/var/cache/apt", "locked"), new("/var/lib/apt", "locked")],
        CleanupCommands = ["rm -rf /var/lib/apt/lists/*"],
        CachePaths = ["/var/lib/apt/lists", "/var/cache/apt/archives", "/var/cache/apt"],
    };

    public static PackageManagerInfo Apk { get; } = new()
    {
        Tool = PackageManager.Apk,
        Ecosystem = "alpine",
        Executables = ["apk"],
        Verbs = Verbs(
            ("add", Install), ("del", Remove), ("update", UpdateIndex), ("upgrade", Upgrade), ("cache clean", CleanCache),
            ("cache purge", CleanCache)),
        OptionsWithValue = ["-t", "--virtual", "-X", "--repository", "-p", "--root", "--arch", "--cache-dir", "--keys-dir", "--repositories-file"],
        ShortOptionsCluster = true,
        CacheMounts = [new("/var/cache/apk", "locked")],
        NoCacheOptions = ["--no-cache"],
        CleanupCommands = ["rm -rf /var/cache/apk/*"],
        CachePaths = ["/var/cache/apk"],
    };

    private static readonly FrozenDictionary<string, PackageAction> RpmVerbs = Verbs(
        ("install", Install), ("reinstall", Install), ("groupinstall", Install), ("localinstall", Install),
        ("update", Upgrade), ("upgrade", Upgrade), ("distro-sync", Upgrade), ("remove", Remove), ("erase", Remove),
        ("autoremove", AutoRemove), ("clean", CleanCache), ("makecache", UpdateIndex));

    private static readonly ImmutableArray<string> RpmOptionsWithValue =
        ["-c", "--config", "--installroot", "--releasever", "--enablerepo", "--disablerepo", "--setopt", "-x", "--exclude", "--repo"];

    public static PackageManagerInfo Dnf { get; } = new()
    {
        Tool = PackageManager.Dnf,
        Ecosystem = "rhel",
        Executables = ["dnf", "dnf5", "tdnf"],
        Verbs = RpmVerbs,
        OptionsWithValue = RpmOptionsWithValue,
        ShortOptionsCluster = true,
        AssumeYesOptions = ["-y", "--assumeyes"],
        CacheMounts = [new("/var/cache/dnf", "locked")],
        CleanupCommands = ["dnf clean all"],
        CachePaths = ["/var/cache/dnf"],
    };

    public static PackageManagerInfo Yum { get; } = Dnf with
    {
        Tool = PackageManager.Yum,
        Executables = ["yum"],
        CacheMounts = [new("/var/cache/yum", "locked")],
        CleanupCommands = ["yum clean all", "rm -rf /var/cache/yum"],
        CachePaths = ["/var/cache/yum"],
    };

    public static PackageManagerInfo Microdnf { get; } = Dnf with
    {
        Tool = PackageManager.Microdnf,
        Executables = ["microdnf"],
        CleanupCommands = ["microdnf clean all"],
    };

    public static PackageManagerInfo Pip { get; } = new()
    {
        Tool = PackageManager.Pip,
        Ecosystem = "python",
        Executables = ["pip", "pip3"],
        Verbs = Verbs(("install", Install), ("uninstall", Remove), ("download", Download), ("wheel", Build), ("cache purge", CleanCache)),
        OptionsWithValue =
        [
            "-r", "--requirement", "-c", "--constraint", "-e", "--editable", "-i", "--index-url", "--extra-index-url",
            "-f", "--find-links", "-t", "--target", "--prefix", "--root", "--trusted-host", "--cache-dir", "--platform",
            "--python-version", "--implementation", "--abi", "--only-binary", "--no-binary", "--src", "--upgrade-strategy",
            "--progress-bar", "--log", "--timeout", "--retries", "--proxy", "-w", "--wheel-dir", "-d", "--dest",
            "--root-user-action", "--config-settings", "-C", "--global-option", "--report",
        ],
        ShortOptionsCluster = true,
        CacheMounts = [new("/root/.cache/pip")],
        NoCacheOptions = ["--no-cache-dir"],
        CleanupCommands = ["rm -rf /root/.cache/pip"],
        CachePaths = ["/root/.cache/pip", "/root/.cache"],
        Manifests = ["requirements.txt", "requirements*.txt", "pyproject.toml", "setup.py", "setup.cfg", "Pipfile"],
        Lockfiles = ["poetry.lock", "Pipfile.lock", "uv.lock", "pdm.lock"],
    };

    public static PackageManagerInfo Npm { get; } = new()
    {
        Tool = PackageManager.Npm,
        Ecosystem = "node",
        Executables = ["npm"],
        Verbs = Verbs(
            ("install", Install), ("i", Install), ("in", Install), ("ins", Install), ("inst", Install), ("insta", Install),
            ("instal", Install), ("isnt", Install), ("isnta", Install), ("isntal", Install), ("isntall", Install), ("add", Install),
            ("ci", CleanInstall), ("clean-install", CleanInstall), ("ic", CleanInstall), ("install-clean", CleanInstall), ("isntall-clean", CleanInstall),
            ("run", RunScript), ("run-script", RunScript), ("rum", RunScript), ("urn", RunScript),
            ("prune", Prune), ("cache clean", CleanCache),
            ("uninstall", Remove), ("remove", Remove), ("rm", Remove), ("r", Remove), ("un", Remove), ("unlink", Remove),
            ("update", Upgrade), ("up", Upgrade), ("upgrade", Upgrade)),
        OptionsWithValue = ["--prefix", "-w", "--workspace", "--registry", "--cache", "--loglevel", "--userconfig", "--tag"],
        CacheMounts = [new("/root/.npm")],
        CleanupCommands = ["npm cache clean --force"],
        CachePaths = ["/root/.npm", "/root/.npm/_cacache"],
        Manifests = ["package.json"],
        Lockfiles = ["package-lock.json", "npm-shrinkwrap.json"],
    };

    public static PackageManagerInfo Yarn { get; } = new()
    {
        Tool = PackageManager.Yarn,
        Ecosystem = "node",
        Executables = ["yarn", "yarnpkg"],
        Verbs = Verbs(
            ("install", Install), ("add", Install), ("run", RunScript), ("remove", Remove), ("upgrade", Upgrade), ("up", Upgrade),
            ("cache clean", CleanCache), ("autoclean", CleanCache), ("workspaces focus", Install), ("global add", Install)),
        ActionWithoutVerb = Install,
        UnknownVerbRunsScript = true,
        OptionsWithValue = ["--cwd", "--network-timeout", "--cache-folder", "--modules-folder", "--mutex", "--registry", "--network-concurrency"],
        CacheMounts = [new("/usr/local/share/.cache/yarn")],
        CleanupCommands = ["yarn cache clean"],
        CachePaths = ["/usr/local/share/.cache/yarn", "/root/.cache/yarn", "/root/.yarn/berry/cache"],
        Manifests = ["package.json", ".yarnrc.yml", ".yarnrc"],
        Lockfiles = ["yarn.lock"],
    };

    public static PackageManagerInfo Pnpm { get; } = new()
    {
        Tool = PackageManager.Pnpm,
        Ecosystem = "node",
        Executables = ["pnpm"],
        Verbs = Verbs(
            ("install", Install), ("i", Install), ("add", Install), ("fetch", Download), ("run", RunScript), ("prune", Prune),
            ("remove", Remove), ("rm", Remove), ("update", Upgrade), ("up", Upgrade), ("store prune", CleanCache), ("deploy", Install)),
        UnknownVerbRunsScript = true,
        OptionsWithValue = ["-C", "--dir", "-F", "--filter", "--store-dir", "--registry", "--reporter"],
        CacheMounts = [new("/root/.local/share/pnpm/store")],
        CleanupCommands = ["pnpm store prune"],
        CachePaths = ["/root/.local/share/pnpm/store", "/pnpm/store", "/root/.cache/pnpm"],
        Manifests = ["package.json", "pnpm-workspace.yaml", ".npmrc"],
        Lockfiles = ["pnpm-lock.yaml"],
    };

    public static PackageManagerInfo Go { get; } = new()
    {
        Tool = PackageManager.Go,
        Ecosystem = "go",
        Executables = ["go"],
        Verbs = Verbs(
            ("build", Build), ("install", Build), ("mod download", Download), ("get", Download), ("mod tidy", Other),
            ("clean", CleanCache)),
        OptionsWithValue =
        [
            "-o", "-ldflags", "-gcflags", "-asmflags", "-tags", "-buildmode", "-mod", "-modfile", "-p", "-pkgdir", "-C",
            "-overlay", "-pgo", "-toolexec", "-installsuffix", "-compiler", "-gccgoflags",
        ],
        CacheMounts = [new("/go/pkg/mod"), new("/root/.cache/go-build")],
        CleanupCommands = ["go clean -cache -modcache"],
        CachePaths = ["/go/pkg/mod", "/root/.cache/go-build", "/root/go/pkg/mod"],
        Manifests = ["go.mod", "go.sum"],
        Lockfiles = ["go.sum"],
    };

    public static PackageManagerInfo Cargo { get; } = new()
    {
        Tool = PackageManager.Cargo,
        Ecosystem = "rust",
        Executables = ["cargo"],
        Verbs = Verbs(("build", Build), ("b", Build), ("install", Build), ("fetch", Download), ("vendor", Download)),
        OptionsWithValue = ["--target", "-F", "--features", "-p", "--package", "--bin", "--manifest-path", "-j", "--jobs", "--target-dir", "--profile", "--root", "--path", "--example"],
        CacheMounts = [new("/usr/local/cargo/registry"), new("/usr/local/cargo/git/db")],
        CachePaths = ["/usr/local/cargo/registry", "/usr/local/cargo/git", "/root/.cargo/registry"],
        Manifests = ["Cargo.toml"],
        Lockfiles = ["Cargo.lock"],
    };

    public static PackageManagerInfo Maven { get; } = new()
    {
        Tool = PackageManager.Maven,
        Ecosystem = "java",
        Executables = ["mvn", "mvnw", "./mvnw"],
        Verbs = Verbs(
            ("package", Build), ("install", Build), ("verify", Build), ("compile", Build), ("deploy", Build),
            ("dependency:go-offline", Download), ("dependency:resolve", Download), ("dependency:resolve-plugins", Download)),
        VerbsAreGoals = true,
        OptionsWithValue = ["-f", "--file", "-s", "--settings", "-gs", "-P", "--activate-profiles", "-pl", "--projects", "-T", "--threads", "-rf", "-l", "--log-file"],
        CacheMounts = [new("/root/.m2")],
        CachePaths = ["/root/.m2", "/root/.m2/repository"],
        Manifests = ["pom.xml", ".mvn"],
    };

    public static PackageManagerInfo Gradle { get; } = new()
    {
        Tool = PackageManager.Gradle,
        Ecosystem = "java",
        Executables = ["gradle", "gradlew", "./gradlew"],
        Verbs = Verbs(
            ("build", Build), ("assemble", Build), ("bootJar", Build), ("installDist", Build), ("shadowJar", Build),
            ("jar", Build), ("war", Build), ("buildNeeded", Build), ("dependencies", Download), ("bootDistZip", Build),
            ("assembleRelease", Build)),
        VerbsAreGoals = true,
        OptionsWithValue = ["-x", "--exclude-task", "-p", "--project-dir", "-b", "--build-file", "-c", "--settings-file", "-g", "--gradle-user-home", "-I", "--init-script"],
        CacheMounts = [new("/root/.gradle")],
        CachePaths = ["/root/.gradle", "/root/.gradle/caches"],
        Manifests = ["build.gradle", "build.gradle.kts", "settings.gradle", "settings.gradle.kts", "gradle.properties", "gradle"],
        Lockfiles = ["gradle.lockfile"],
    };

    public static PackageManagerInfo Dotnet { get; } = new()
    {
        Tool = PackageManager.Dotnet,
        Ecosystem = "dotnet",
        Executables = ["dotnet"],
        Verbs = Verbs(("restore", Download), ("build", Build), ("publish", Build), ("pack", Build), ("nuget locals", CleanCache)),
        OptionsWithValue =
        [
            "-c", "--configuration", "-o", "--output", "-r", "--runtime", "-f", "--framework", "-s", "--source", "-v", "--verbosity",
            "--packages", "-a", "--arch", "--os", "--version-suffix", "--configfile",
        ],
        CacheMounts = [new("/root/.nuget/packages")],
        CleanupCommands = ["dotnet nuget locals all --clear"],
        CachePaths = ["/root/.nuget/packages", "/root/.nuget", "/root/.local/share/NuGet"],
        Manifests = ["*.csproj", "*.fsproj", "*.vbproj", "*.sln", "*.slnx", "Directory.Build.props", "Directory.Packages.props", "NuGet.config", "global.json"],
        Lockfiles = ["packages.lock.json"],
    };

    public static PackageManagerInfo Gem { get; } = new()
    {
        Tool = PackageManager.Gem,
        Ecosystem = "ruby",
        Executables = ["gem"],
        Verbs = Verbs(("install", Install), ("i", Install), ("update", Upgrade), ("uninstall", Remove), ("cleanup", CleanCache)),
        OptionsWithValue = ["-v", "--version", "-i", "--install-dir", "-n", "--bindir", "--source", "--platform"],
        CacheMounts = [new("/root/.gem")],
        NoCacheOptions = ["--no-document"],
        CachePaths = ["/root/.gem", "/usr/local/bundle/cache"],
    };

    public static PackageManagerInfo Bundler { get; } = new()
    {
        Tool = PackageManager.Bundler,
        Ecosystem = "ruby",
        Executables = ["bundle", "bundler"],
        Verbs = Verbs(("install", Install), ("update", Upgrade), ("clean", CleanCache), ("package", Download), ("cache", Download)),
        ActionWithoutVerb = Install,
        OptionsWithValue = ["--jobs", "-j", "--retry", "--path", "--without", "--with", "--gemfile"],
        CacheMounts = [new("/root/.gem")],
        CleanupCommands = ["rm -rf /usr/local/bundle/cache"],
        CachePaths = ["/usr/local/bundle/cache", "/root/.bundle/cache"],
        Manifests = ["Gemfile"],
        Lockfiles = ["Gemfile.lock"],
    };

    public static PackageManagerInfo Composer { get; } = new()
    {
        Tool = PackageManager.Composer,
        Ecosystem = "php",
        Executables = ["composer", "composer.phar"],
        Verbs = Verbs(("install", Install), ("i", Install), ("require", Install), ("create-project", Install), ("update", Upgrade), ("remove", Remove), ("clear-cache", CleanCache), ("clearcache", CleanCache)),
        OptionsWithValue = ["-d", "--working-dir"],
        CacheMounts = [new("/tmp/cache")],
        CleanupCommands = ["composer clear-cache"],
        CachePaths = ["/tmp/cache", "/root/.composer/cache", "/root/.cache/composer"],
        Manifests = ["composer.json"],
        Lockfiles = ["composer.lock"],
    };

    /// <summary>Every tool, in the order of <see cref="PackageManager"/>.</summary>
    public static ImmutableArray<PackageManagerInfo> All { get; } =
        [Apt, Apk, Dnf, Yum, Microdnf, Pip, Npm, Yarn, Pnpm, Go, Cargo, Maven, Gradle, Dotnet, Gem, Bundler, Composer];

    private static readonly FrozenDictionary<string, PackageManagerInfo> ByExecutable =
        All.SelectMany(static info => info.Executables.Select(name => (name, info)))
            .ToFrozenDictionary(static p => p.name, static p => p.info, StringComparer.Ordinal);

    public static PackageManagerInfo For(PackageManager tool) => All[(int)tool];

    /// <summary>The tool run by a command named <paramref name="executable"/> (a path is allowed: <c>/usr/bin/pip3</c>), or null.</summary>
    public static PackageManagerInfo? ForExecutable(string executable)
    {
        ArgumentNullException.ThrowIfNull(executable);
        if (ByExecutable.TryGetValue(executable, out PackageManagerInfo? info))
        {
            return info;
        }

        string name = executable[(executable.LastIndexOf('/') + 1)..];
        if (ByExecutable.TryGetValue(name, out info))
        {
            return info;
        }

        // pip3.12, pip-3.11
        return name.StartsWith("pip", StringComparison.Ordinal) && name.Length > 3 && name[3..].All(static c => char.IsAsciiDigit(c) || c is '.' or '-')
            ? Pip
            : null;
    }
}