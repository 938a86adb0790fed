using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Collections.Immutable;

using static DockerOpt.Core.Shell.Commands.PackageAction;

namespace DockerOpt.Core.Shell.Commands;

/// <summary>
/// The one table of package-manager knowledge: how each tool is invoked, which verbs do what, which cache it fills
/// (<see cref="PackageCaches"/>: where the cache lives and how to keep it out of the image) and which files its
/// dependency install reads. The command recognizer, the passes and the ecosystem table read it; they do not
/// hard-code tool facts.
/// </summary>
public static class PackageManagerFacts
{
    private static FrozenDictionary<string, PackageAction> Verbs(params (string Verb, PackageAction Action)[] verbs) =>
        verbs.ToFrozenDictionary(static v => v.Verb, static v => v.Action, StringComparer.Ordinal);

    public static PackageManagerInfo Apt { get; } = new()
    {
        Tool = PackageManager.Apt,
        Ecosystem = "debian",
        InstallsSystemPackages = true,
        Executables = ["apt-get", "apt", "aptitude"],
        Verbs = Verbs(
            ("update", UpdateIndex), ("install", Install), ("reinstall", Install), ("upgrade", Upgrade),
            ("dist-upgrade", Upgrade), ("full-upgrade", Upgrade), ("remove", Remove), ("purge", Remove),
            ("autoremove", AutoRemove), ("autopurge", AutoRemove), ("clean", CleanCache), ("autoclean", CleanCache),
            ("dist-clean", CleanCache)),
        OptionsWithValue = ["-o", "--option", "-t", "--target-release", "--default-release", "-c", "--config-file"],
        ShortOptionsCluster = true,
        AssumeYesOptions = ["-y", "--yes", "--assume-yes"],
        Cache = PackageCaches.Apt,
        CacheVerbs = ["install", "upgrade", "dist-upgrade", "full-upgrade", "build-dep", "reinstall", "update", "source"],
        LayerLeftoverVerbs = ["update"],
    };

    public static PackageManagerInfo Apk { get; } = new()
    {
        Tool = PackageManager.Apk,
        Ecosystem = "alpine",
        InstallsSystemPackages = true,
        Executables = ["apk"],
        Verbs = Verbs(
            ("add", Install), ("del", Remove), ("update", UpdateIndex), ("upgrade", Upgrade), ("cache clean", CleanCache),
            ("cache purge", CleanCache)),
        OptionsWithValue = ["-t", "--virtual", "-X", "--repository", "-p", "--root", "--arch", "--cache-dir", "--keys-dir", "--repositories-file"],
        ShortOptionsCluster = true,
        NoCacheOptions = ["--no-cache"],
        Cache = PackageCaches.Apk,
        CacheOptions = ["--cache-dir"],
        CacheVerbs = ["add", "upgrade", "update"],
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
        InstallsSystemPackages = true,
        Executables = ["dnf", "dnf5", "tdnf"],
        Verbs = RpmVerbs,
        OptionsWithValue = RpmOptionsWithValue,
        ShortOptionsCluster = true,
        AssumeYesOptions = ["-y", "--assumeyes"],
        Cache = PackageCaches.Dnf,
        CacheVerbs = ["install", "update", "upgrade", "groupinstall", "reinstall", "makecache"],
    };

    public static PackageManagerInfo Yum { get; } = Dnf with
    {
        Tool = PackageManager.Yum,
        Executables = ["yum"],
    };

    public static PackageManagerInfo Microdnf { get; } = Dnf with
    {
        Tool = PackageManager.Microdnf,
        Executables = ["microdnf"],
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
            "--root-user-action", "--config-settings", "-C", "--global-option", "--report", "--cert", "--client-cert",
        ],
        ShortOptionsCluster = true,
        NoCacheOptions = ["--no-cache-dir"],
        Cache = PackageCaches.Pip,
        CacheOptions = ["--cache-dir"],
        CacheVerbs = ["install", "download", "wheel"],
        Manifests = [M("requirements*.txt"), M("pyproject.toml"), M("Pipfile"), L("poetry.lock"), L("uv.lock"), L("Pipfile.lock")],
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
        Cache = PackageCaches.Npm,
        CacheOptions = ["--cache"],
        CacheVerbs = ["install", "i", "ci", "add", "isntall", "in", "ins", "inst", "insta", "instal", "update", "up"],
        Manifests = [M("package.json"), L("package-lock.json"), L("npm-shrinkwrap.json"), C(".npmrc")],
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
        Cache = PackageCaches.Yarn,
        CacheOptions = ["--cache-folder"],
        CacheVerbs = ["install", "add", ""],
        Manifests = [M("package.json"), L("yarn.lock"), C(".yarnrc"), C(".yarnrc.yml")],
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
        Cache = PackageCaches.Pnpm,
        CacheOptions = ["--store-dir"],
        CacheVerbs = ["install", "i", "add", "fetch"],
        Manifests = [M("package.json"), L("pnpm-lock.yaml"), C("pnpm-workspace.yaml")],
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
        Cache = PackageCaches.Go,
        CacheVerbs = ["build", "install", "test", "get", "mod", "run", "generate", "vet", "list"],
        Manifests = [M("go.mod"), L("go.sum"), M("go.work"), L("go.work.sum")],
    };

    public static PackageManagerInfo Cargo { get; } = new()
    {
        Tool = PackageManager.Cargo,
        Ecosystem = "rust",
        Executables = ["cargo"],
        Verbs = Verbs(("build", Build), ("b", Build), ("install", Build), ("fetch", Download), ("vendor", Download)),
        OptionsWithValue = ["--target", "-F", "--features", "-p", "--package", "--bin", "--manifest-path", "-j", "--jobs", "--target-dir", "--profile", "--root", "--path", "--example"],
        Cache = PackageCaches.Cargo,
        CacheVerbs = ["build", "install", "fetch", "test", "run", "vendor"],
        Manifests = [M("Cargo.toml"), L("Cargo.lock")],
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
        Cache = PackageCaches.Maven,
        Manifests = [M("pom.xml")],
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
        Cache = PackageCaches.Gradle,
        Manifests = [M("build.gradle"), M("build.gradle.kts"), M("settings.gradle"), M("settings.gradle.kts"), L("gradle.lockfile")],
    };

    /// <summary>
    /// The dotnet CLI, and the standalone nuget CLI, which restores into the same package folder. NuGet reads its
    /// configuration under any of three spellings (nuget.config, NuGet.config, NuGet.Config) on case-sensitive file systems.
    /// </summary>
    public static PackageManagerInfo Dotnet { get; } = new()
    {
        Tool = PackageManager.Dotnet,
        Ecosystem = "dotnet",
        Executables = ["dotnet", "nuget"],
        Verbs = Verbs(("restore", Download), ("build", Build), ("publish", Build), ("pack", Build), ("nuget locals", CleanCache)),
        OptionsWithValue =
        [
            "-c", "--configuration", "-o", "--output", "-r", "--runtime", "-f", "--framework", "-s", "--source", "-v", "--verbosity",
            "--packages", "-a", "--arch", "--os", "--version-suffix", "--configfile",
        ],
        Cache = PackageCaches.NuGet,
        CacheVerbs = ["restore", "build", "publish", "test", "pack", "run"],
        Manifests = [M("*.sln"), M("*.csproj"), M("*.fsproj"), M("Directory.Build.props"), M("Directory.Packages.props"), C("nuget.config"), C("NuGet.config"), C("NuGet.Config"), L("packages.lock.json")],
    };

    public static PackageManagerInfo Gem { get; } = new()
    {
        Tool = PackageManager.Gem,
        Ecosystem = "ruby",
        Executables = ["gem"],
        Verbs = Verbs(("install", Install), ("i", Install), ("update", Upgrade), ("uninstall", Remove), ("cleanup", CleanCache)),
        OptionsWithValue = ["-v", "--version", "-i", "--install-dir", "-n", "--bindir", "--source", "--platform"],
        Cache = PackageCaches.Gem,
        CacheVerbs = ["install"],
    };

    public static PackageManagerInfo Bundler { get; } = new()
    {
        Tool = PackageManager.Bundler,
        Ecosystem = "ruby",
        Executables = ["bundle", "bundler"],
        Verbs = Verbs(("install", Install), ("update", Upgrade), ("clean", CleanCache), ("package", Download), ("cache", Download)),
        ActionWithoutVerb = Install,
        OptionsWithValue = ["--jobs", "-j", "--retry", "--path", "--without", "--with", "--gemfile"],
        Cache = PackageCaches.Gem,
        CacheVerbs = ["install", ""],
        Manifests = [M("Gemfile"), L("Gemfile.lock"), M("*.gemspec")],
    };

    public static PackageManagerInfo Composer { get; } = new()
    {
        Tool = PackageManager.Composer,
        Ecosystem = "php",
        Executables = ["composer", "composer.phar"],
        Verbs = Verbs(("install", Install), ("i", Install), ("require", Install), ("create-project", Install), ("update", Upgrade), ("remove", Remove), ("clear-cache", CleanCache), ("clearcache", CleanCache)),
        OptionsWithValue = ["-d", "--working-dir"],
        Cache = PackageCaches.Composer,
        CacheVerbs = ["install", "update", "require", "create-project"],
        Manifests = [M("composer.json"), L("composer.lock")],
    };

    private static ManifestFile M(string pattern) => new(pattern, ManifestRole.Manifest);

    private static ManifestFile L(string pattern) => new(pattern, ManifestRole.Lockfile);

    private static ManifestFile C(string pattern) => new(pattern, ManifestRole.Config);

    /// <summary>Every tool, in the order of <see cref="PackageManager"/>.</summary>
    public static ImmutableArray<PackageManagerInfo> All { get; } =
        [Apt, Apk, Dnf, Yum, Microdnf, Pip, Npm, Yarn, Pnpm, Go, Cargo, Maven, Gradle, Dotnet, Gem, Bundler, Composer];

    private static readonly FrozenDictionary<string, PackageManagerInfo> ByExecutable =
        All.SelectMany(static info => info.Executables.Select(name => (name, info)))
            .ToFrozenDictionary(static p => p.name, static p => p.info, StringComparer.Ordinal);

    /// <summary>The programs that use <paramref name="cache"/>: the executables of its tools and its other readers.</summary>
    public static ImmutableArray<string> ProgramsUsing(PackageCache cache)
    {
        ArgumentNullException.ThrowIfNull(cache);
        return ProgramsByCache.GetOrAdd(cache, static c => [.. All.Where(info => info.Cache == c).SelectMany(static info => info.Executables).Concat(c.OtherReaders)]);
    }

    // Worked out once per cache: the passes ask for every cache about every command they cannot read (a RUN of thousands
    // of empty commands asked some 15,000 times). By reference: a cache's value equality would compare its whole row.
    private static readonly ConcurrentDictionary<PackageCache, ImmutableArray<string>> ProgramsByCache = new(ReferenceEqualityComparer.Instance);

    /// <summary>The executables of the tools that install operating-system packages (apt-get, apk, dnf...).</summary>
    public static IEnumerable<string> SystemPackageExecutables => All.Where(static t => t.InstallsSystemPackages).SelectMany(static t => t.Executables);

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