namespace DockerOpt.Core.BuildContext;

/// <summary>A build context on disk. Reads only what a pass asks for; never writes.</summary>
public sealed class FileSystemBuildContext : IBuildContext
{
    // Manifests and ignore files are small; anything bigger is not something a pass should read whole.
    private const long MaxReadBytes = 4 * 1024 * 1024;

    public FileSystemBuildContext(string root)
    {
        Root = Path.GetFullPath(root);
    }

    public string Root { get; }

    public bool IsKnown => true;

    public bool FileExists(string relativePath) => File.Exists(Full(relativePath));

    public bool DirectoryExists(string relativePath) => Directory.Exists(Full(relativePath));

    public string? ReadText(string relativePath)
    {
        var path = Full(relativePath);
        try
        {
            var info = new FileInfo(path);
            return info.Exists && info.Length <= MaxReadBytes ? File.ReadAllText(path) : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    public IReadOnlyList<string> ListDirectory(string relativePath)
    {
        var path = Full(relativePath);
        return Directory.Exists(path)
            ? Directory.EnumerateFileSystemEntries(path).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToArray()
            : [];
    }

    private string Full(string relativePath)
    {
        var full = Path.GetFullPath(Path.Combine(Root, relativePath.TrimStart('/')));
        // A COPY source cannot leave the context; neither may our reads.
        return full.StartsWith(Root, StringComparison.Ordinal) ? full : Root;
    }
}