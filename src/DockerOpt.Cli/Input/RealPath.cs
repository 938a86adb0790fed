namespace DockerOpt.Cli.Input;

/// <summary>
/// The path with every symbolic link resolved, in every component (what realpath(3) returns): two names for one file
/// (<c>Dockerfile</c> and <c>./Dockerfile</c>, a link and its target) give the same real path, and a write through a
/// link lands on the file the link points to.
/// </summary>
public static class RealPath
{
    // Linux's own limit on links followed while resolving one path (ELOOP beyond it).
    private const int MaxLinks = 40;

    /// <summary>
    /// The real path of <paramref name="path"/>. Components that do not exist are kept as written, so a file about to
    /// be created resolves to where it will be; a link to a missing file resolves to that missing file.
    /// </summary>
    /// <exception cref="IOException">A symbolic link loop (more than 40 links on the way).</exception>
    public static string Of(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full) ?? "/";
        var pending = new LinkedList<string>(Split(full[root.Length..]));
        var current = root;
        var links = 0;
        while (pending.First is { } first)
        {
            pending.RemoveFirst();
            var part = first.Value;
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                // `current` never contains a link, so its parent is the real parent.
                current = Path.GetDirectoryName(current) ?? root;
                continue;
            }

            var next = Path.Combine(current, part);
            var target = new FileInfo(next).LinkTarget;
            if (target is null)
            {
                current = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                throw new IOException("too many levels of symbolic links");
            }

            // The link's own text replaces it: relative to the folder it is in, or from the root.
            if (Path.IsPathRooted(target))
            {
                current = Path.GetPathRoot(target) ?? root;
                target = target[current.Length..];
            }

            foreach (var targetPart in Split(target).Reverse())
            {
                pending.AddFirst(targetPart);
            }
        }

        return current;
    }

    private static string[] Split(string path) =>
        path.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
}