using DockerOpt.Core.Shell.Commands;

namespace DockerOpt.Transforms.Layers;

/// <summary>
/// For the RUNs of one stretch, which RUN first left each package cache and each file in its layer, so that "the
/// earliest earlier RUN whose leftovers this RUN deletes" is a look-up instead of a walk over every earlier RUN (100k
/// consecutive RUNs made that 5·10⁹ pairs). The answer is the one <see cref="LayerFootprint.Deletes"/> gives when asked
/// about each earlier RUN in turn.
/// </summary>
internal sealed class LeftoverIndex
{
    private readonly Dictionary<PackageCache, int> firstLeavingCache;
    private readonly Dictionary<string, int> firstLeavingFile;

    // The files left, in ordinal order (so the files under a folder are one run of them), and over that order a table
    // of range minima of the first RUN that left each: a folder's earliest leftover is one look-up, not a scan.
    private readonly string[] files;
    private readonly RangeMinimum firstLeaving;

    private LeftoverIndex(Dictionary<PackageCache, int> caches, Dictionary<string, int> filesLeft)
    {
        firstLeavingCache = caches;
        firstLeavingFile = filesLeft;
        files = [.. filesLeft.Keys.Order(StringComparer.Ordinal)];
        firstLeaving = new RangeMinimum([.. files.Select(f => filesLeft[f])]);
    }

    public static LeftoverIndex Of(IReadOnlyList<LayerFootprint?> footprints)
    {
        ArgumentNullException.ThrowIfNull(footprints);
        var caches = new Dictionary<PackageCache, int>();
        var files = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < footprints.Count; i++)
        {
            if (footprints[i] is not { } footprint)
            {
                continue;
            }

            foreach (var cache in footprint.CachesLeft)
            {
                caches.TryAdd(cache, i);
            }

            foreach (var file in footprint.FilesLeft)
            {
                files.TryAdd(file, i);
            }
        }

        return new LeftoverIndex(caches, files);
    }

    /// <summary>
    /// The index of the earliest RUN before <paramref name="before"/> that left something <paramref name="later"/>
    /// deletes, or -1.
    /// </summary>
    public int FirstDeletedBy(LayerFootprint later, int before)
    {
        ArgumentNullException.ThrowIfNull(later);
        var first = int.MaxValue;
        foreach (var (_, cache, path) in later.Deletions)
        {
            if (cache is not null && firstLeavingCache.TryGetValue(cache, out var leaving))
            {
                first = Math.Min(first, leaving);
            }

            if (path is not null)
            {
                first = Math.Min(first, FirstLeavingUnder(path));
            }
        }

        return first < before ? first : -1;
    }

    // The earliest RUN that left a file the rm argument deletes: the file itself, or any file in the folder it names.
    private int FirstLeavingUnder(string deleted)
    {
        var first = firstLeavingFile.TryGetValue(deleted, out var exact) ? exact : int.MaxValue;
        if (LayerFootprint.FolderDeleted(deleted) is not { } folder)
        {
            return first;
        }

        var from = PartitionPoint(f => string.CompareOrdinal(f, folder) < 0);
        var to = PartitionPoint(f => string.CompareOrdinal(f, folder) < 0 || f.StartsWith(folder, StringComparison.Ordinal));
        return from < to ? Math.Min(first, firstLeaving.Of(from, to)) : first;
    }

    // The first index of the sorted files where the predicate, true for a prefix of them, turns false.
    private int PartitionPoint(Func<string, bool> before)
    {
        int low = 0, high = files.Length;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (before(files[middle]))
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>A sparse table: the minimum of any range of a fixed array in one step, after n·log n to build it.</summary>
    private sealed class RangeMinimum
    {
        private readonly List<int[]> levels = [];

        public RangeMinimum(int[] values)
        {
            levels.Add(values);
            for (var width = 2; width <= values.Length; width *= 2)
            {
                var below = levels[^1];
                var level = new int[values.Length - width + 1];
                for (var i = 0; i < level.Length; i++)
                {
                    level[i] = Math.Min(below[i], below[i + (width / 2)]);
                }

                levels.Add(level);
            }
        }

        /// <summary>The minimum of values [from, to); the range is not empty.</summary>
        public int Of(int from, int to)
        {
            var level = System.Numerics.BitOperations.Log2((uint)(to - from));
            var table = levels[level];
            return Math.Min(table[from], table[to - (1 << level)]);
        }
    }
}