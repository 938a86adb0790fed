using System.Collections.Concurrent;

using DockerOpt.Syntax;

namespace DockerOpt.Core.BuildContext;

/// <summary>
/// A build context on disk. Reads only what a pass asks for; never writes. Answers are remembered for the
/// instance's lifetime (one rewrite run): passes ask the same questions many times (the ecosystem detector stats
/// every root entry, the .dockerignore check expands globs per candidate pattern), and on a context with a few
/// hundred entries the repeated syscalls were most of a rewrite's time. Only regular files are read (through
/// <see cref="RegularFile"/>): a FIFO named <c>.dockerignore</c> or <c>package.json</c> would block the read forever. Such
/// a file reads as absent to the pass, and is listed in <see cref="NotRegularFiles"/> so the command can refuse the
/// rewrite instead of describing a context it could not see.
/// </summary>
public sealed class FileSystemBuildContext : IBuildContext
{
    // Manifests and ignore files are small; anything bigger is not something a pass should read whole.
    private const long MaxReadBytes = 4 * 1024 * 1024;

    private readonly ConcurrentDictionary<string, bool> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _directories = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string?> _texts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlyList<string>> _listings = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FileKind> _notRegular = new(StringComparer.Ordinal);

    public FileSystemBuildContext(string root)
    {
        Root = Path.GetFullPath(root);
    }

    public string Root { get; }

    public bool IsKnown => true;

    public bool FileExists(string relativePath) => Full(relativePath) is { } full && _files.GetOrAdd(full, File.Exists);

    public bool DirectoryExists(string relativePath) => Full(relativePath) is { } full && _directories.GetOrAdd(full, Directory.Exists);

    public string? ReadText(string relativePath) => Full(relativePath) is { } full ? _texts.GetOrAdd(full, Read) : null;

    public IReadOnlyList<string> ListDirectory(string relativePath) => Full(relativePath) is { } full ? _listings.GetOrAdd(full, List) : [];

    /// <summary>The full paths a pass asked to read that were not regular files (a FIFO, a device), with what they were.</summary>
    public IReadOnlyDictionary<string, FileKind> NotRegularFiles => _notRegular;

    private string? Read(string path)
    {
        var kind = RegularFile.KindOf(path);
        if (kind != FileKind.Regular)
        {
            if (kind is not FileKind.Missing and not FileKind.Directory)
            {
                _notRegular.TryAdd(path, kind);
            }

            return null;
        }

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

    private static IReadOnlyList<string> List(string path)
    {
        try
        {
            return Directory.Exists(path)
                ? Directory.EnumerateFileSystemEntries(path).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToArray()
                : [];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A folder the user cannot list is one whose files no pass can rely on; the builder would fail on it too.
            return [];
        }
    }

    /// <summary>
    /// The full path of a context-relative path, or null for a name no file can have: the paths come from Dockerfile
    /// text (COPY sources, also of sibling Dockerfiles in the context), and a NUL in one must not stop a rewrite.
    /// </summary>
    private string? Full(string relativePath)
    {
        if (relativePath.Contains('\0', StringComparison.Ordinal))
        {
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(Root, relativePath.TrimStart('/')));
        // A COPY source cannot leave the context; neither may our reads.
        return full.StartsWith(Root, StringComparison.Ordinal) ? full : Root;
    }
}