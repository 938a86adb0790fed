using DockerOpt.Core.Model;
using DockerOpt.Core.Shell.Commands;

namespace DockerOpt.Transforms.Layers;

/// <summary>
/// What a RUN leaves behind in its layer and what it deletes: the package caches it fills and does not empty again
/// (apt's lists, pip's cache) and the files it downloads and does not delete; and the caches and paths its cleanup
/// commands remove. A later RUN that deletes what an earlier one left saves nothing on its own (the bytes stay in the
/// earlier layer); in the same RUN it does. apt's <c>apt-get clean</c> and <c>/var/cache/apt</c> removals do not count
/// for apt: Debian's docker-clean hook already deletes the downloaded .debs, and only the lists stay behind.
/// </summary>
internal sealed class LayerFootprint
{
    private LayerFootprint(HashSet<PackageCache> cachesLeft, HashSet<string> filesLeft, List<(Cleanup Command, PackageCache? Cache, string? Path)> deletions)
    {
        CachesLeft = cachesLeft;
        FilesLeft = filesLeft;
        Deletions = deletions;
    }

    /// <summary>Package caches the RUN fills and leaves in its layer.</summary>
    public IReadOnlySet<PackageCache> CachesLeft { get; }

    /// <summary>Files the RUN downloads and leaves in its layer, as a later <c>rm</c> would name them.</summary>
    public IReadOnlySet<string> FilesLeft { get; }

    /// <summary>Each cache or path the RUN deletes, with the cleanup command that does it.</summary>
    public IReadOnlyList<(Cleanup Command, PackageCache? Cache, string? Path)> Deletions { get; }

    public static LayerFootprint Of(RunCommand run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var caches = new HashSet<PackageCache>();
        var files = new HashSet<string>(Downloads.Files(run.Script), StringComparer.Ordinal);
        var deletions = new List<(Cleanup, PackageCache?, string?)>();
        foreach (var command in run.Script.SimpleCommands)
        {
            if (PackageInvocation.Read(run, command) is { LeavesCacheInLayer: true } invocation)
            {
                caches.Add(invocation.Cache);
            }

            if (Cleanup.Read(command) is not { } cleanup)
            {
                continue;
            }

            foreach (var cache in cleanup.Caches.Where(c => EmptiesLeftovers(cleanup, c)))
            {
                caches.Remove(cache);
                deletions.Add((cleanup, cache, null));
            }

            foreach (var path in cleanup.Paths)
            {
                files.RemoveWhere(f => Covers(path, f));
                deletions.Add((cleanup, null, path));
            }
        }

        return new LayerFootprint(caches, files, deletions);
    }

    /// <summary>
    /// The cleanup commands of this RUN that delete what <paramref name="earlier"/> left in its layer (as written), or
    /// an empty list.
    /// </summary>
    public IReadOnlyList<string> Deletes(LayerFootprint earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        return [.. Deletions
            .Where(d => (d.Cache is { } cache && earlier.CachesLeft.Contains(cache)) || (d.Path is { } path && earlier.FilesLeft.Any(f => Covers(path, f))))
            .Select(d => d.Command.Command.Text)
            .Distinct(StringComparer.Ordinal)];
    }

    // rm of the cache's own paths, or a command that empties what its mounts hold (apt's lists); not the cleanups of the
    // parts the image's own configuration already keeps empty (apt-get clean, /var/cache/apt).
    private static bool EmptiesLeftovers(Cleanup cleanup, PackageCache cache)
    {
        if (cleanup.Command.Name?.Value != "rm")
        {
            return !Cleanup.Is(cleanup.Command, cache.CleanupBesideMounts);
        }

        return cleanup.Command.Arguments.Any(w => w.Value is { } v && cache.CleanupPaths.Contains(v) && !cache.CleanupBesideMounts.Contains(v));
    }

    // An rm argument deletes a file when it names it, a folder above it, or a folder's content with '*'.
    private static bool Covers(string deleted, string file) =>
        deleted == file || (FolderDeleted(deleted) is { } folder && file.StartsWith(folder, StringComparison.Ordinal));

    /// <summary>
    /// The folder (ending in '/') whose every file an rm argument deletes (<c>/tmp/x</c>, <c>/tmp/x/</c> and
    /// <c>/tmp/x/*</c> all give <c>/tmp/x/</c>), or null for the root, which no rm argument is taken to empty.
    /// </summary>
    public static string? FolderDeleted(string deleted)
    {
        ArgumentNullException.ThrowIfNull(deleted);
        var folder = deleted.EndsWith("/*", StringComparison.Ordinal) ? deleted[..^1] : deleted.TrimEnd('/') + "/";
        return folder.Length > 1 ? folder : null;
    }
}