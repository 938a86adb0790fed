using System.Collections.Immutable;

namespace DockerOpt.Core.BuildContext;

/// <summary>A build context held in memory: file path → content. Tests and snapshot cases use it.</summary>
public sealed class InMemoryBuildContext : IBuildContext
{
    private readonly ImmutableSortedDictionary<string, string> files;

    public InMemoryBuildContext(IEnumerable<KeyValuePair<string, string>> files)
    {
        this.files = files.ToImmutableSortedDictionary(pair => Normalise(pair.Key), pair => pair.Value, StringComparer.Ordinal);
    }

    public bool IsKnown => true;

    public bool FileExists(string relativePath) => files.ContainsKey(Normalise(relativePath));

    public bool DirectoryExists(string relativePath)
    {
        var prefix = Normalise(relativePath);
        return prefix.Length == 0 || files.Keys.Any(key => key.StartsWith(prefix + "/", StringComparison.Ordinal));
    }

    public string? ReadText(string relativePath) => files.GetValueOrDefault(Normalise(relativePath));

    public IReadOnlyList<string> ListDirectory(string relativePath)
    {
        var prefix = Normalise(relativePath);
        var start = prefix.Length == 0 ? string.Empty : prefix + "/";
        return files.Keys
            .Where(key => key.StartsWith(start, StringComparison.Ordinal))
            .Select(key => key[start.Length..].Split('/')[0])
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    // "./a" and "/a" name the context's "a"; a leading dot of a file name (".npmrc") is part of the name.
    private static string Normalise(string path)
    {
        var normalised = path.Replace('\\', '/');
        while (normalised.StartsWith("./", StringComparison.Ordinal))
        {
            normalised = normalised[2..];
        }

        normalised = normalised.Trim('/');
        return normalised == "." ? string.Empty : normalised;
    }
}