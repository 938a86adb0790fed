namespace DockerOpt.Engine.Analysis;

/// <summary>
/// The bloat dockeropt names in an image, as one table: package-manager caches and indexes, byte-code
/// caches, tests and docs shipped inside installed Python packages, build toolchains left in the final
/// image, and version-control metadata. Each rule matches paths of the final filesystem only, so what
/// an earlier layer deleted is counted as waste, not as bloat.
/// </summary>
public static class BloatRules
{
    public static IReadOnlyList<BloatRule> All { get; } =
    [
        new("apt-lists", "apt package lists", "delete /var/lib/apt/lists/* in the RUN that ran apt-get update, or use a cache mount",
            Prefix("/var/lib/apt/lists")),
        new("apt-cache", "apt download cache", "apt-get clean (or a cache mount on /var/cache/apt) in the same RUN",
            Prefix("/var/cache/apt")),
        new("pip-cache", "pip download cache", "pip install --no-cache-dir, or RUN --mount=type=cache,target=/root/.cache/pip",
            Containing("/.cache/pip")),
        new("npm-cache", "npm cache", "npm ci && npm cache clean --force, or RUN --mount=type=cache,target=/root/.npm",
            Containing("/.npm/_cacache")),
        new("yarn-cache", "yarn cache", "yarn cache clean, or a cache mount on the yarn cache folder",
            Any(Containing("/.cache/yarn"), Prefix("/usr/local/share/.cache/yarn"))),
        new("go-build-cache", "Go build cache", "build in a separate stage, or RUN --mount=type=cache,target=/root/.cache/go-build",
            Containing("/.cache/go-build")),
        new("go-module-cache", "Go module cache", "download modules in a build stage only, or use a cache mount on /go/pkg/mod",
            Containing("/go/pkg/mod")),
        new("pycache", "Python byte-code caches (__pycache__)", "set PYTHONDONTWRITEBYTECODE=1 while installing, or delete __pycache__ in the same RUN",
            Any(Segment("__pycache__"), Suffix(".pyc"))),
        new("site-packages-tests", "tests shipped inside installed Python packages", "delete site-packages/**/tests in the RUN that installed them",
            SegmentBelow(["site-packages", "dist-packages"], ["tests", "test"])),
        new("site-packages-docs", "docs shipped inside installed Python packages", "delete site-packages/**/docs in the RUN that installed them",
            SegmentBelow(["site-packages", "dist-packages"], ["docs", "doc"])),
        new("toolchain-gcc", "a C compiler (gcc) in the final image", "compile in a build stage and copy only the result into a runtime stage",
            Any(Prefix("/usr/lib/gcc"), Prefix("/usr/libexec/gcc"))),
        new("toolchain-go", "a Go toolchain in the final image", "build in a golang stage and copy only the binary into a small runtime stage",
            Any(Prefix("/usr/local/go"), PrefixStartingWith("/usr/lib/go-"))),
        new("build-essential", "build-essential installed in the final image", "install build-essential in a build stage only, or purge it in the same RUN",
            Any(Prefix("/usr/share/build-essential"), PrefixStartingWith("/var/lib/dpkg/info/build-essential"))),
        new("git-metadata", "git metadata (.git)", "add .git to .dockerignore, or copy only what the image needs",
            Segment(".git")),
    ];

    private static Func<string, string?> Prefix(string directory) =>
        path => path.StartsWith(directory + "/", StringComparison.Ordinal) ? directory : null;

    // /usr/lib/go-1.19/... → root /usr/lib/go-1.19
    private static Func<string, string?> PrefixStartingWith(string start) =>
        path =>
        {
            if (!path.StartsWith(start, StringComparison.Ordinal))
            {
                return null;
            }

            var end = path.IndexOf('/', start.Length);
            return end < 0 ? path : path[..end];
        };

    private static Func<string, string?> Containing(string fragment) =>
        path =>
        {
            var at = path.IndexOf(fragment + "/", StringComparison.Ordinal);
            return at < 0 ? null : path[..(at + fragment.Length)];
        };

    private static Func<string, string?> Suffix(string suffix) =>
        path => path.EndsWith(suffix, StringComparison.Ordinal) ? path[..path.LastIndexOf('/')] : null;

    private static Func<string, string?> Segment(string name) =>
        path =>
        {
            var at = path.IndexOf("/" + name + "/", StringComparison.Ordinal);
            return at < 0 ? null : path[..(at + name.Length + 1)];
        };

    private static Func<string, string?> SegmentBelow(string[] parents, string[] names) =>
        path =>
        {
            foreach (var parent in parents)
            {
                var below = path.IndexOf("/" + parent + "/", StringComparison.Ordinal);
                if (below < 0)
                {
                    continue;
                }

                foreach (var name in names)
                {
                    var at = path.IndexOf("/" + name + "/", below + parent.Length + 1, StringComparison.Ordinal);
                    if (at >= 0)
                    {
                        return path[..(at + name.Length + 1)];
                    }
                }
            }

            return null;
        };

    private static Func<string, string?> Any(params Func<string, string?>[] matchers) =>
        path =>
        {
            foreach (var matcher in matchers)
            {
                if (matcher(path) is { } root)
                {
                    return root;
                }
            }

            return null;
        };
}