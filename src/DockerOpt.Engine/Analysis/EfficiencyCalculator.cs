using DockerOpt.Engine.Images;

namespace DockerOpt.Engine.Analysis;

/// <summary>
/// Efficiency and wasted bytes computed the way dive computes them (wagoodman/dive, filetree/efficiency.go),
/// so the figures can be compared with the tool people already know:
/// <list type="bullet">
/// <item>Every leaf path of every layer (a file, an empty directory, a whiteout) is one sighting of that path.
/// Its size is the entry's size; a whiteout of a directory costs the directory's whole size in the layers
/// below; a whiteout of a file costs nothing (dive's rule: the bytes were already counted when written).</item>
/// <item>A path sighted in two or more layers is an inefficiency; wasted bytes are the sum of all its sightings.</item>
/// <item>The score is the sum of each path's smallest sighting over the sum of all sightings (1.0 when empty).</item>
/// </list>
/// Opaque markers are not sightings (dive skips them too). Where dive gives up on a whiteout of a path
/// that no lower layer has, this counts it as zero bytes and carries on.
/// </summary>
public static class EfficiencyCalculator
{
    public static EfficiencyReport Calculate(IReadOnlyList<ImageLayer> layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        var sightings = new Dictionary<string, Sighting>(StringComparer.Ordinal);
        var stacked = new FileSystemTree();
        for (var index = 0; index < layers.Count; index++)
        {
            var layer = layers[index];
            foreach (var entry in Leaves(layer))
            {
                var size = entry.IsWhiteout
                    ? (stacked.IsDirectory(entry.Path) ? stacked.SizeOf(entry.Path) ?? 0 : 0)
                    : entry.Size;
                if (!sightings.TryGetValue(entry.Path, out var sighting))
                {
                    sighting = new Sighting();
                    sightings[entry.Path] = sighting;
                }

                sighting.Add(size, index);
            }

            stacked.Apply(layer);
        }

        long minimum = 0;
        long cumulative = 0;
        long wasted = 0;
        var inefficiencies = new List<PathInefficiency>();
        foreach (var (path, sighting) in sightings)
        {
            minimum += sighting.Minimum;
            cumulative += sighting.Cumulative;
            if (sighting.Layers.Count >= 2)
            {
                wasted += sighting.Cumulative;
                if (sighting.Cumulative > 0)
                {
                    inefficiencies.Add(new PathInefficiency(path, sighting.Cumulative, [.. sighting.Layers]));
                }
            }
        }

        var score = cumulative == 0 ? 1.0 : (double)minimum / cumulative;
        return new EfficiencyReport(
            score,
            wasted,
            [.. inefficiencies.OrderByDescending(static item => item.CumulativeSize).ThenBy(static item => item.Path, StringComparer.Ordinal)]);
    }

    /// <summary>The entries of a layer that have no other entry of the same layer below them.</summary>
    private static IEnumerable<LayerFileEntry> Leaves(ImageLayer layer)
    {
        var parents = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in layer.Entries)
        {
            if (entry.IsOpaqueDirectory)
            {
                continue;
            }

            for (var slash = entry.Path.LastIndexOf('/'); slash > 0; slash = entry.Path.LastIndexOf('/', slash - 1))
            {
                if (!parents.Add(entry.Path[..slash]))
                {
                    break;
                }
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        return layer.Entries.Where(entry => !entry.IsOpaqueDirectory && !parents.Contains(entry.Path) && seen.Add(entry.Path));
    }

    private sealed class Sighting
    {
        public long Cumulative { get; private set; }

        public long Minimum { get; private set; } = -1;

        public List<int> Layers { get; } = [];

        public void Add(long size, int layer)
        {
            Cumulative += size;
            Minimum = Minimum < 0 ? size : Math.Min(Minimum, size);
            Layers.Add(layer);
        }
    }
}