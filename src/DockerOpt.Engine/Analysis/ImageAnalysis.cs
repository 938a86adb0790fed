using System.Collections.Immutable;

using DockerOpt.Engine.Images;

namespace DockerOpt.Engine.Analysis;

/// <summary>
/// What <c>dockeropt inspect</c> reports about an image: its layers and the instruction behind each,
/// the largest directories and files of the final filesystem, dive's wasted bytes and efficiency, and
/// named bloat.
/// </summary>
public sealed record ImageAnalysis(
    string Image,
    ImmutableArray<LayerSummary> Layers,
    long UncompressedSize,
    long CompressedSize,
    ImmutableArray<PathSize> LargestDirectories,
    ImmutableArray<PathSize> LargestFiles,
    EfficiencyReport Efficiency,
    ImmutableArray<BloatFinding> Findings,
    ImageConfig Config)
{
    /// <summary>Bytes wasted by files overwritten or deleted in a later layer (dive's measure).</summary>
    public long WastedBytes => Efficiency.WastedBytes;
}