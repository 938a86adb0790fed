namespace DockerOpt.TestKit;

/// <summary>
/// Where the repository, its snapshots and the shared corpus live, found from the test binaries
/// rather than from the working directory (test runners change it).
/// </summary>
public static class Repo
{
    private static readonly Lazy<string> RootLazy = new(FindRoot);

    /// <summary>The repository root: the folder holding Rewriter.sln.</summary>
    public static string Root => RootLazy.Value;

    /// <summary>tests/snapshots, where every <c>*.verified.*</c> file lives.</summary>
    public static string SnapshotsDirectory => Path.Combine(Root, "tests", "snapshots");

    /// <summary>The examples folder (examples/node, examples/python, examples/go).</summary>
    public static string ExamplesDirectory => Path.Combine(Root, "examples");

    /// <summary>../shared beside the repository (a read-only copy in CI), or DOCKEROPT_SHARED (a worktree sits deeper).</summary>
    public static string SharedDirectory => Environment.GetEnvironmentVariable("DOCKEROPT_SHARED") is { Length: > 0 } shared
        ? Path.GetFullPath(shared)
        : Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    /// <summary>../shared/corpus: other people's Dockerfiles, read in place and never copied.</summary>
    public static string CorpusDirectory => Path.Combine(SharedDirectory, "corpus");

    /// <summary>True when CI=true: then missing corpora and engines are failures, not skips.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static bool HasCorpus => Directory.Exists(CorpusDirectory);

    /// <summary>../shared/contexts: every corpus Dockerfile inside its repository tree, with INDEX.tsv naming its build context.</summary>
    public static string ContextsDirectory => Path.Combine(SharedDirectory, "contexts");

    /// <summary>
    /// Every row of ../shared/contexts/INDEX.tsv: the Dockerfile and its build context (relative to the contexts
    /// folder), and the Dockerfile's path inside its repository (without the <c>owner__repo/</c> folder).
    /// </summary>
    public static IReadOnlyList<(string Dockerfile, string Context, string RepositoryPath)> ContextFiles()
    {
        var index = Path.Combine(ContextsDirectory, "INDEX.tsv");
        if (!File.Exists(index))
        {
            throw new FileNotFoundException($"The build contexts were not found at {index}; CI=true requires them (they sit beside the repository as ../shared/contexts).");
        }

        return File.ReadAllLines(index).Skip(1)
            .Select(line => line.Split('\t'))
            .Where(columns => columns.Length >= 4)
            .Select(columns => (columns[2], columns[3], columns[2][(columns[2].IndexOf('/', StringComparison.Ordinal) + 1)..]))
            .ToArray();
    }

    /// <summary>
    /// Every Dockerfile of the corpus, as paths relative to the corpus folder, sorted so runs are
    /// comparable. The bookkeeping files (FEATURES.tsv, SOURCES.tsv) and licence texts are not Dockerfiles.
    /// </summary>
    public static IReadOnlyList<string> CorpusFiles()
    {
        if (!HasCorpus)
        {
            throw new DirectoryNotFoundException(
                $"The corpus was not found at {CorpusDirectory}; CI=true requires it (it sits beside the repository as ../shared/corpus).");
        }

        return Directory.EnumerateFiles(CorpusDirectory, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(CorpusDirectory, path).Replace('\\', '/'))
            .Where(IsCorpusDockerfile)
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    private static bool IsCorpusDockerfile(string relativePath) =>
        relativePath.Contains('/', StringComparison.Ordinal)
        && !relativePath.StartsWith("LICENSES/", StringComparison.Ordinal)
        && !relativePath.EndsWith(".tsv", StringComparison.Ordinal);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Rewriter.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Rewriter.sln not found above {AppContext.BaseDirectory}.");
    }
}