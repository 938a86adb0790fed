using System.Collections.Immutable;

namespace DockerOpt.Transforms.Stages;

/// <summary>
/// Debian packages a Python build needs but its runtime does not, and the runtime library a <c>-dev</c> package's
/// compiled result links against (libpq-dev builds, libpq5 runs). An unknown <c>-dev</c> package has no entry, so a
/// split declines rather than guess which library the runtime needs.
/// </summary>
public static class DebianDevPackages
{
    public static ImmutableHashSet<string> BuildOnly { get; } =
    [
        "gcc", "g++", "make", "build-essential", "python3-dev", "python-dev", "libc6-dev", "libc-dev", "pkg-config",
        "cmake", "git", "libssl-dev", "zlib1g-dev", "libbz2-dev", "libreadline-dev",
        "libsqlite3-dev", "libncurses-dev", "libncursesw5-dev", "liblzma-dev", "tk-dev", "uuid-dev", "libgdbm-dev",
    ];

    public static ImmutableDictionary<string, string> RuntimeLibraryOf { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["libpq-dev"] = "libpq5",
        ["default-libmysqlclient-dev"] = "libmariadb3",
        ["libmariadb-dev"] = "libmariadb3",
        ["libjpeg-dev"] = "libjpeg62-turbo",
        ["libjpeg62-turbo-dev"] = "libjpeg62-turbo",
        ["libpng-dev"] = "libpng16-16",
        ["libxml2-dev"] = "libxml2",
        ["libxslt1-dev"] = "libxslt1.1",
        ["libffi-dev"] = "libffi8",
        ["libyaml-dev"] = "libyaml-0-2",
        ["libgeos-dev"] = "libgeos-c1v5",
        ["libmagic-dev"] = "libmagic1",
    }.ToImmutableDictionary(StringComparer.Ordinal);
}