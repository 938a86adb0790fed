namespace DockerOpt.Fuzz.Generation;

/// <summary>
/// The real Dockerfiles mutations start from (../shared/corpus, read in place, never copied into the repository), in
/// a stable order so a (seed, index) pair names the same base file everywhere.
/// </summary>
internal sealed class SeedCorpus
{
    private readonly byte[][] files;

    private SeedCorpus(IReadOnlyList<string> names, byte[][] files)
    {
        Names = names;
        this.files = files;
    }

    /// <summary>Paths relative to the corpus folder, sorted ordinally.</summary>
    public IReadOnlyList<string> Names { get; }

    public int Count => files.Length;

    public byte[] Bytes(int index) => files[index];

    /// <summary>Reads every Dockerfile below <paramref name="directory"/> (not the bookkeeping files and licence texts).</summary>
    public static SeedCorpus Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"corpus not found at {directory} (it sits beside the repository as ../shared/corpus; --corpus DIR names another)");
        }

        var names = Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(directory, path).Replace('\\', '/'))
            .Where(IsDockerfile)
            .Order(StringComparer.Ordinal)
            .ToArray();
        if (names.Length == 0)
        {
            throw new FileNotFoundException($"no Dockerfile below {directory}");
        }

        return new SeedCorpus(names, [.. names.Select(name => File.ReadAllBytes(Path.Combine(directory, name)))]);
    }

    /// <summary>A corpus of the given files, for tests.</summary>
    public static SeedCorpus Of(params string[] texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return new SeedCorpus(
            [.. texts.Select((_, i) => $"case-{i}/Dockerfile")],
            [.. texts.Select(text => System.Text.Encoding.UTF8.GetBytes(text))]);
    }

    // The same rule as the test kit's: files in sub-folders, not LICENSES/ nor the .tsv indexes.
    private static bool IsDockerfile(string relativePath) =>
        relativePath.Contains('/', StringComparison.Ordinal)
        && !relativePath.StartsWith("LICENSES/", StringComparison.Ordinal)
        && !relativePath.EndsWith(".tsv", StringComparison.Ordinal);
}