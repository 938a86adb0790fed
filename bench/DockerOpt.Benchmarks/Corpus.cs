namespace DockerOpt.Benchmarks;

/// <summary>The shared corpus, read once into memory so benchmarks measure parsing, not disk.</summary>
public static class Corpus
{
    public static IReadOnlyList<(string Path, string Text)> Load()
    {
        var directory = Environment.GetEnvironmentVariable("DOCKEROPT_CORPUS") ?? FindCorpus();
        return Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(path => !path.Contains("/LICENSES/", StringComparison.Ordinal)
                && (Path.GetFileName(path).Contains("dockerfile", StringComparison.OrdinalIgnoreCase)
                    || Path.GetFileName(path).Contains("containerfile", StringComparison.OrdinalIgnoreCase)))
            .Order(StringComparer.Ordinal)
            .Select(path => (path, File.ReadAllText(path)))
            .ToArray();
    }

    private static string FindCorpus()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Rewriter.sln")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "corpus"));
            }
        }

        throw new DirectoryNotFoundException("Set DOCKEROPT_CORPUS to the corpus folder (../shared/corpus).");
    }
}