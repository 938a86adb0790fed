using System.Collections.Immutable;

using DockerOpt.Engine.Images;

namespace DockerOpt.Engine.Analysis;

/// <summary>Turns a read image archive into an <see cref="ImageAnalysis"/>.</summary>
public static class ImageAnalyzer
{
    /// <summary>How many rows the largest-paths lists keep.</summary>
    public const int TopCount = 10;

    /// <summary>Directories deeper than this are not listed among the largest (their parents already say it).</summary>
    public const int MaxDirectoryDepth = 4;

    public static ImageAnalysis Analyze(string image, ImageArchive archive)
    {
        ArgumentNullException.ThrowIfNull(archive);
        var instructions = archive.LayerInstructions();
        var layers = archive.Layers.Select((layer, index) => new LayerSummary(
            index, layer.Digest, instructions[index], layer.UncompressedSize, layer.CompressedSize, layer.ContentSize, layer.Entries.Length));

        var final = new FileSystemTree();
        foreach (var layer in archive.Layers)
        {
            final.Apply(layer);
        }

        var files = final.Files().ToList();
        var largestFiles = files
            .OrderByDescending(static file => file.Size)
            .ThenBy(static file => file.Path, StringComparer.Ordinal)
            .Take(TopCount)
            .Select(static file => new PathSize(file.Path, file.Size));
        var largestDirectories = final.Directories()
            .Where(static directory => directory.Depth <= MaxDirectoryDepth)
            .OrderByDescending(static directory => directory.Size)
            .ThenBy(static directory => directory.Path, StringComparer.Ordinal)
            .Take(TopCount)
            .Select(static directory => new PathSize(directory.Path, directory.Size));

        return new ImageAnalysis(
            image,
            [.. layers],
            archive.UncompressedSize,
            archive.CompressedSize,
            [.. largestDirectories],
            [.. largestFiles],
            EfficiencyCalculator.Calculate(archive.Layers),
            FindBloat(files),
            archive.Config);
    }

    /// <summary>Applies every <see cref="BloatRules"/> rule to the files of the final filesystem.</summary>
    public static ImmutableArray<BloatFinding> FindBloat(IEnumerable<(string Path, long Size)> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var rules = BloatRules.All;
        var roots = rules.Select(static _ => new Dictionary<string, (long Bytes, int Files)>(StringComparer.Ordinal)).ToArray();
        foreach (var (path, size) in files)
        {
            for (var i = 0; i < rules.Count; i++)
            {
                if (rules[i].RootOf(path) is { } root)
                {
                    roots[i].TryGetValue(root, out var total);
                    roots[i][root] = (total.Bytes + size, total.Files + 1);
                }
            }
        }

        var findings = ImmutableArray.CreateBuilder<BloatFinding>();
        for (var i = 0; i < rules.Count; i++)
        {
            var bytes = roots[i].Values.Sum(static root => root.Bytes);
            if (bytes == 0)
            {
                // Empty lock files and directories apt leaves behind are not bloat.
                continue;
            }

            var fileCount = roots[i].Values.Sum(static root => root.Files);
            var largest = roots[i]
                .OrderByDescending(static root => root.Value.Bytes)
                .ThenBy(static root => root.Key, StringComparer.Ordinal)
                .Take(3)
                .Select(static root => new PathSize(root.Key, root.Value.Bytes));
            findings.Add(new BloatFinding(rules[i], bytes, fileCount, [.. largest]));
        }

        return [.. findings.OrderByDescending(static finding => finding.Bytes).ThenBy(static finding => finding.Rule.Id, StringComparer.Ordinal)];
    }
}