using System.Collections.Immutable;
using System.Runtime.CompilerServices;

using DockerOpt.Core.BuildContext;

namespace DockerOpt.Transforms.DockerIgnore;

/// <summary>
/// What a build context holds, listed once: every file and folder, relative to the root, '/'-separated. Folders whose
/// insides never matter here (version control, dependency folders, .NET output) are listed but not entered. Capped at
/// <see cref="MaxEntries"/> so a huge checkout costs a bounded walk; <see cref="IsComplete"/> says whether it was.
/// </summary>
public sealed class ContextTree
{
    /// <summary>The most entries listed; a bigger context is listed shallowest first up to here.</summary>
    public const int MaxEntries = 20_000;

    private static readonly HashSet<string> NotEntered = [".git", ".hg", ".svn", "node_modules", ".venv", "venv", "vendor", "bin", "obj", "__pycache__", "target"];

    private ContextTree(ImmutableArray<ContextEntry> entries, bool isComplete)
    {
        Entries = entries;
        IsComplete = isComplete;
    }

    /// <summary>Every entry, shallowest first.</summary>
    public ImmutableArray<ContextEntry> Entries { get; }

    /// <summary>False when the cap cut the listing short.</summary>
    public bool IsComplete { get; }

    public static ContextTree Read(IBuildContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return PerContext.GetValue(context, List);
    }

    // A build context is a snapshot for a run (the file system one remembers what it read): listed once, not once per
    // Dockerfile that builds with it and per text of its rewrite.
    private static readonly ConditionalWeakTable<IBuildContext, ContextTree> PerContext = [];

    private static ContextTree List(IBuildContext context)
    {
        var entries = ImmutableArray.CreateBuilder<ContextEntry>();
        var folders = new Queue<string>();
        folders.Enqueue(string.Empty);
        while (folders.Count > 0)
        {
            var folder = folders.Dequeue();
            foreach (var name in context.ListDirectory(folder))
            {
                if (entries.Count >= MaxEntries)
                {
                    return new ContextTree(entries.ToImmutable(), false);
                }

                var path = folder.Length == 0 ? name : folder + "/" + name;
                var isFolder = context.DirectoryExists(path);
                entries.Add(new ContextEntry(path, name, isFolder));
                if (isFolder && !NotEntered.Contains(name))
                {
                    folders.Enqueue(path);
                }
            }
        }

        return new ContextTree(entries.ToImmutable(), true);
    }
}