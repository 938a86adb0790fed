using DockerOpt.Engine.Images;

namespace DockerOpt.Engine.Analysis;

/// <summary>
/// The union filesystem of the layers applied so far, as the engine's overlay would present it:
/// each layer's whiteouts and opaque markers hide lower content, then its entries are added.
/// </summary>
internal sealed class FileSystemTree
{
    private readonly Node _root = new(FileEntryKind.Directory, 0);

    /// <summary>Stacks one layer on top (OCI image spec, "Applying changesets").</summary>
    public void Apply(ImageLayer layer)
    {
        foreach (var entry in layer.Entries)
        {
            if (entry.IsOpaqueDirectory)
            {
                Find(entry.Path)?.Children?.Clear();
            }
            else if (entry.IsWhiteout)
            {
                Remove(entry.Path);
            }
        }

        foreach (var entry in layer.Entries)
        {
            if (!entry.IsWhiteout && !entry.IsOpaqueDirectory)
            {
                Add(entry);
            }
        }
    }

    /// <summary>Whether the path exists, and if so its total size (a directory's whole subtree).</summary>
    public long? SizeOf(string path)
    {
        var node = Find(path);
        return node is null ? null : Total(node);
    }

    public bool IsDirectory(string path) => Find(path)?.Kind == FileEntryKind.Directory;

    /// <summary>Every non-directory entry with its size, in no particular order.</summary>
    public IEnumerable<(string Path, long Size)> Files() => Walk(_root, "").Where(static item => !item.IsDirectory).Select(static item => (item.Path, item.Size));

    /// <summary>Every directory (except the root) with its subtree size and depth (<c>/usr</c> is 1).</summary>
    public IReadOnlyList<(string Path, long Size, int Depth)> Directories()
    {
        var result = new List<(string, long, int)>();
        Collect(_root, "", 0, result);
        return result;
    }

    private static long Collect(Node node, string path, int depth, List<(string, long, int)> result)
    {
        var size = node.Size;
        if (node.Children is { } children)
        {
            foreach (var (name, child) in children)
            {
                size += Collect(child, path + "/" + name, depth + 1, result);
            }
        }

        if (depth > 0 && node.Kind == FileEntryKind.Directory)
        {
            result.Add((path, size, depth));
        }

        return size;
    }

    private static IEnumerable<(string Path, long Size, bool IsDirectory)> Walk(Node node, string path)
    {
        var stack = new Stack<(Node, string)>();
        stack.Push((node, path));
        while (stack.Count > 0)
        {
            var (current, currentPath) = stack.Pop();
            if (current.Kind != FileEntryKind.Directory)
            {
                yield return (currentPath, current.Size, false);
            }

            if (current.Children is { } children)
            {
                foreach (var (name, child) in children)
                {
                    stack.Push((child, currentPath + "/" + name));
                }
            }
        }
    }

    private static long Total(Node node)
    {
        var size = node.Size;
        if (node.Children is { } children)
        {
            foreach (var child in children.Values)
            {
                size += Total(child);
            }
        }

        return size;
    }

    private void Add(LayerFileEntry entry)
    {
        var node = _root;
        var names = entry.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < names.Length; i++)
        {
            node.Children ??= new Dictionary<string, Node>(StringComparer.Ordinal);
            var last = i == names.Length - 1;
            if (!node.Children.TryGetValue(names[i], out var child))
            {
                child = new Node(last ? entry.Kind : FileEntryKind.Directory, 0);
                node.Children[names[i]] = child;
            }

            if (last)
            {
                // A file replacing a directory (or the reverse) drops what was below.
                if (entry.Kind != FileEntryKind.Directory)
                {
                    child.Children = null;
                }

                child.Kind = entry.Kind;
                child.Size = entry.Size;
            }

            node = child;
        }
    }

    private void Remove(string path)
    {
        var slash = path.LastIndexOf('/');
        var parent = slash <= 0 ? _root : Find(path[..slash]);
        parent?.Children?.Remove(path[(slash + 1)..]);
    }

    private Node? Find(string path)
    {
        var node = _root;
        foreach (var name in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (node.Children is null || !node.Children.TryGetValue(name, out var child))
            {
                return null;
            }

            node = child;
        }

        return node;
    }

    private sealed class Node(FileEntryKind kind, long size)
    {
        public FileEntryKind Kind { get; set; } = kind;

        public long Size { get; set; } = size;

        public Dictionary<string, Node>? Children { get; set; }
    }
}