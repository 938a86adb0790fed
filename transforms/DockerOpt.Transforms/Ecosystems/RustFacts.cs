using System.Collections.Frozen;
using System.Collections.Immutable;

namespace DockerOpt.Transforms.Ecosystems;

/// <summary>
/// What the Rust split knows, as data: which Debian release an official <c>rust</c> image is built on (from its tag),
/// which runtime packages a <c>-dev</c> package or a native crate in Cargo.lock needs on each release, what the
/// distroless images already carry, and which cargo commands and flags it understands. An unknown entry is never
/// guessed: the planner declines and names it.
/// </summary>
public static class RustFacts
{
    /// <summary>The official image the split builds with (its last path segment; mirrors and docker.io/library count).</summary>
    public const string ImageName = "rust";

    /// <summary>
    /// The Debian release of the moving tags (<c>rust</c>, <c>latest</c>, <c>1</c>, <c>slim</c>, <c>1-slim</c>):
    /// rust-lang/docker-rust made trixie its default variant with Rust 1.89 (August 2025, when trixie was released).
    /// </summary>
    public const string DefaultRelease = "trixie";

    /// <summary>Debian releases that name rust image variants (<c>1.75-bookworm</c>, <c>slim-bullseye</c>).</summary>
    public static ImmutableArray<string> Releases { get; } = ["stretch", "buster", "bullseye", "bookworm", "trixie"];

    /// <summary>
    /// The release of a tag that names a Rust minor version and no release (<c>rust:1.64</c>): the default variant when
    /// that version was current. Versions published around a switch (1.54-1.55, 1.70-1.71, 1.89) were rebuilt on both,
    /// so they have no row and the split asks for the release in the tag.
    /// </summary>
    public static ImmutableArray<(int FromMinor, int ToMinor, string Release)> ReleaseByMinor { get; } =
    [
        (38, 53, "buster"),
        (56, 69, "bullseye"),
        (72, 88, "bookworm"),
        (90, int.MaxValue, "trixie"),
    ];

    /// <summary>
    /// The distroless images of a release: <c>cc</c> (glibc, libgcc, libstdc++, libssl, CA certificates, tzdata) for a
    /// glibc binary, <c>static</c> for a static (musl) one. Releases without a maintained distroless image have no row.
    /// </summary>
    public static FrozenDictionary<string, string> DistrolessCc { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["bookworm"] = "gcr.io/distroless/cc-debian12",
        ["trixie"] = "gcr.io/distroless/cc-debian13",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Where a static (musl) binary runs at the safe level: no libc needed, CA certificates and tzdata included.</summary>
    public const string DistrolessStatic = "gcr.io/distroless/static-debian12";

    /// <summary>The user the distroless images define (nonroot), written as numbers: the runtime stage has no passwd lookup to do.</summary>
    public const string NonRootUser = "65532:65532";

    /// <summary>Runtime needs that the distroless cc images already satisfy (see <see cref="DistrolessCc"/>).</summary>
    public static ImmutableHashSet<RuntimeNeed> ProvidedByDistrolessCc { get; } = [RuntimeNeed.OpenSsl, RuntimeNeed.CaCertificates, RuntimeNeed.Tzdata];

    /// <summary>The Debian package that satisfies a need on each release (libssl was renamed in the 64-bit time_t transition).</summary>
    public static string? PackageFor(RuntimeNeed need, string release) => need switch
    {
        RuntimeNeed.OpenSsl => release switch
        {
            "stretch" or "buster" or "bullseye" => "libssl1.1",
            "bookworm" => "libssl3",
            "trixie" => "libssl3t64",
            _ => null,
        },
        RuntimeNeed.CaCertificates => "ca-certificates",
        RuntimeNeed.Tzdata => "tzdata",
        RuntimeNeed.LibPq => "libpq5",
        RuntimeNeed.MariaDb => "libmariadb3",
        RuntimeNeed.Zlib => "zlib1g",
        RuntimeNeed.Sqlite => "libsqlite3-0",
        _ => null,
    };

    /// <summary>
    /// A <c>-dev</c> package (or a runtime package) the stage installs, and what the binary then needs at run time:
    /// the build links the library, so the runtime must have it.
    /// </summary>
    public static FrozenDictionary<string, RuntimeNeed> NeedOfAptPackage { get; } = new Dictionary<string, RuntimeNeed>(StringComparer.Ordinal)
    {
        ["libssl-dev"] = RuntimeNeed.OpenSsl,
        ["libpq-dev"] = RuntimeNeed.LibPq,
        ["default-libmysqlclient-dev"] = RuntimeNeed.MariaDb,
        ["libmariadb-dev"] = RuntimeNeed.MariaDb,
        ["libmariadb-dev-compat"] = RuntimeNeed.MariaDb,
        ["zlib1g-dev"] = RuntimeNeed.Zlib,
        ["libsqlite3-dev"] = RuntimeNeed.Sqlite,
        ["ca-certificates"] = RuntimeNeed.CaCertificates,
        ["tzdata"] = RuntimeNeed.Tzdata,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Packages a Rust build uses and its binary does not (compilers, linkers, code generators, musl's gcc wrapper).</summary>
    public static ImmutableHashSet<string> BuildOnlyAptPackages { get; } =
    [
        "gcc", "g++", "make", "build-essential", "libc6-dev", "libc-dev", "pkg-config", "cmake", "git", "clang", "lld", "llvm",
        "libclang-dev", "mold", "protobuf-compiler", "libprotobuf-dev", "musl-tools", "musl-dev", "curl", "wget",
    ];

    /// <summary>
    /// Crates in Cargo.lock that link a system library, and which one; or <see cref="RuntimeNeed.None"/> for those that
    /// build their C code into the binary (or bind only the kernel or other platforms). Any other <c>-sys</c> crate is
    /// unknown: the split declines rather than guess what the binary links.
    /// </summary>
    public static FrozenDictionary<string, RuntimeNeed> NeedOfCrate { get; } = new Dictionary<string, RuntimeNeed>(StringComparer.Ordinal)
    {
        ["openssl-sys"] = RuntimeNeed.OpenSsl,
        ["pq-sys"] = RuntimeNeed.LibPq,
        ["mysqlclient-sys"] = RuntimeNeed.MariaDb,
        ["libz-sys"] = RuntimeNeed.Zlib,
        ["openssl-probe"] = RuntimeNeed.CaCertificates,
        ["rustls-native-certs"] = RuntimeNeed.CaCertificates,
        ["linux-raw-sys"] = RuntimeNeed.None,
        ["windows-sys"] = RuntimeNeed.None,
        ["js-sys"] = RuntimeNeed.None,
        ["web-sys"] = RuntimeNeed.None,
        ["inotify-sys"] = RuntimeNeed.None,
        ["fsevent-sys"] = RuntimeNeed.None,
        ["kqueue-sys"] = RuntimeNeed.None,
        ["core-foundation-sys"] = RuntimeNeed.None,
        ["security-framework-sys"] = RuntimeNeed.None,
        ["system-configuration-sys"] = RuntimeNeed.None,
        ["io-kit-sys"] = RuntimeNeed.None,
        ["zstd-sys"] = RuntimeNeed.None,
        ["libmimalloc-sys"] = RuntimeNeed.None,
        ["tikv-jemalloc-sys"] = RuntimeNeed.None,
        ["jemalloc-sys"] = RuntimeNeed.None,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Crates whose presence means a native crate builds its library from source into the binary (openssl's vendored feature).</summary>
    public static FrozenDictionary<string, string> VendoredBy { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["openssl-sys"] = "openssl-src",
        ["pq-sys"] = "pq-src",
        ["libz-sys"] = "libz-ng-sys",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// Text in a build script that shows it links native code (a library the runtime may need): the split declines
    /// then, as what the binary links is not in Cargo.lock.
    /// </summary>
    public static ImmutableArray<string> BuildScriptLinkMarkers { get; } =
        ["rustc-link-lib", "rustc-link-search", "pkg_config", "pkg-config", "cc::Build", "cmake::", "bindgen"];

    /// <summary>Commands of development and test images: the toolchain and the source are what they need.</summary>
    public static ImmutableArray<(string Subcommand, string Why)> DevelopmentCommands { get; } =
    [
        ("watch", "a development loop that rebuilds from the source"),
        ("test", "a test run that needs the toolchain and the source"),
        ("bench", "a benchmark run that needs the toolchain and the source"),
        ("check", "a check that needs the toolchain and the source"),
        ("clippy", "a lint run that needs the toolchain and the source"),
    ];

    /// <summary>cargo subcommands a RUN may use in the builder besides the build: they make nothing the runtime needs.</summary>
    public static ImmutableHashSet<string> BuilderOnlySubcommands { get; } = ["fetch", "test", "check", "clippy", "fmt", "init", "vendor"];

    /// <summary>rustup subcommands that only add toolchain parts (a target, a component) to the builder.</summary>
    public static ImmutableHashSet<string> BuilderOnlyRustupCommands { get; } = ["target", "component", "toolchain", "default", "show"];

    /// <summary>
    /// Flags of <c>cargo build</c>, <c>cargo install --path</c> and <c>cargo run</c> that change neither which binary is
    /// built nor where it lands, with how many values each takes; any other flag declines.
    /// </summary>
    public static FrozenDictionary<string, int> NeutralBuildFlags { get; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["--release"] = 0,
        ["-r"] = 0,
        ["--locked"] = 0,
        ["--frozen"] = 0,
        ["--offline"] = 0,
        ["--all-features"] = 0,
        ["--no-default-features"] = 0,
        ["-v"] = 0,
        ["-vv"] = 0,
        ["--verbose"] = 0,
        ["-q"] = 0,
        ["--quiet"] = 0,
        ["-F"] = 1,
        ["--features"] = 1,
        ["-j"] = 1,
        ["--jobs"] = 1,
        ["--color"] = 1,
        ["--bin"] = 1,
        ["--target"] = 1,
        ["--path"] = 1,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Where cargo install puts binaries in the official images (CARGO_HOME=/usr/local/cargo).</summary>
    public const string CargoInstallBin = "/usr/local/cargo/bin";

    /// <summary>Where the split puts the binary, in the builder (copied out of the target/ cache mount) and in the runtime.</summary>
    public const string BinaryFolder = "/usr/local/bin";

    /// <summary>
    /// What the split puts before its cargo build so that the release binary carries no debug information: cargo's
    /// <c>strip = "debuginfo"</c> profile setting, which cargo 1.77 and later apply to release builds by default. Symbol
    /// names stay, so a panic's backtrace still names functions; a debugger needs an unstripped build.
    /// </summary>
    public const string StripAssignment = "CARGO_PROFILE_RELEASE_STRIP=debuginfo";

    /// <summary>The cargo minor version that has the profile's <c>strip</c> setting (1.59; before, it was unstable and an error on stable).</summary>
    public const int StripSinceMinor = 59;

    /// <summary>The cargo minor version that strips debug information from release builds by default (1.77).</summary>
    public const int StripByDefaultSinceMinor = 77;

    /// <summary>The Rust minor version a tag pins (<c>1.63</c>, <c>1.63.0-bookworm</c>: 63), or null for a moving tag (<c>1</c>, <c>latest</c>, <c>slim</c>).</summary>
    public static int? MinorOf(string? tag)
    {
        var version = (tag ?? "latest").Split('-').FirstOrDefault(w => w.Length > 0 && char.IsAsciiDigit(w[0]));
        var parts = version?.Split('.') ?? [];
        return parts.Length >= 2 && parts[0] == "1" && int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var minor)
            ? minor
            : null;
    }

    /// <summary>Whether a target triple makes a Linux executable (not wasm32-wasi, not another OS).</summary>
    public static bool IsLinuxTarget(string triple)
    {
        ArgumentNullException.ThrowIfNull(triple);
        return triple.Contains("-linux-", StringComparison.Ordinal);
    }

    /// <summary>Whether a target triple links statically against musl.</summary>
    public static bool IsMuslTarget(string triple)
    {
        ArgumentNullException.ThrowIfNull(triple);
        return triple.EndsWith("-linux-musl", StringComparison.Ordinal) || triple.EndsWith("-linux-musleabihf", StringComparison.Ordinal);
    }

    /// <summary>
    /// The Debian release of an official rust image tag, or null with why it is unknown: a release named in the tag, the
    /// default for moving tags, the table for a pinned minor version.
    /// </summary>
    public static (string? Release, string? Unknown) ReleaseOf(string? tag)
    {
        var words = (tag ?? "latest").Split('-');
        if (words.FirstOrDefault(w => w.StartsWith("alpine", StringComparison.Ordinal)) is { } alpine)
        {
            return (null, $"the '{tag}' image is {alpine}, whose musl binaries need a runtime image the split does not choose yet");
        }

        if (words.FirstOrDefault(w => Releases.Contains(w)) is { } named)
        {
            return (named, null);
        }

        if (words.Any(w => w is not ("latest" or "slim") && !w.All(c => char.IsAsciiDigit(c) || c == '.')))
        {
            return (null, $"the tag '{tag}' names no Debian release the split knows");
        }

        var version = words.FirstOrDefault(w => w.Length > 0 && char.IsAsciiDigit(w[0]));
        var parts = version?.Split('.') ?? [];
        if (parts.Length < 2)
        {
            return (DefaultRelease, null);
        }

        if (parts[0] != "1" || !int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var minor))
        {
            return (null, $"the tag '{tag}' names a Rust version the split does not know");
        }

        var row = ReleaseByMinor.FirstOrDefault(r => minor >= r.FromMinor && minor <= r.ToMinor);
        return row.Release is { } release
            ? (release, null)
            : (null, $"rust:{version} was published on more than one Debian release, so which one the binary links against is unknown; name it in the tag (rust:{version}-bookworm)");
    }
}

/// <summary>A shared library or data a Rust binary needs at run time, which the runtime image must provide.</summary>
public enum RuntimeNeed
{
    /// <summary>Nothing: the crate links nothing on Linux or builds its library into the binary.</summary>
    None,
    OpenSsl,
    CaCertificates,
    Tzdata,
    LibPq,
    MariaDb,
    Zlib,
    Sqlite,
}