using DockerOpt.Engine.Images;

namespace DockerOpt.Engine.Verification;

/// <summary>One built image, measured from its own data.</summary>
/// <param name="Tag">The tag dockeropt gave it.</param>
/// <param name="UncompressedSize">All layer tars.</param>
/// <param name="CompressedSize">All layers gzip-compressed (the pull size).</param>
/// <param name="LayerCount">Filesystem layers.</param>
/// <param name="WastedBytes">dive's wasted bytes.</param>
/// <param name="Efficiency">dive's efficiency score.</param>
/// <param name="ColdBuild">Build time without any cache.</param>
/// <param name="Config">The runtime configuration the engine reports.</param>
public sealed record ImageMeasurement(
    string Tag,
    long UncompressedSize,
    long CompressedSize,
    int LayerCount,
    long WastedBytes,
    double Efficiency,
    TimeSpan ColdBuild,
    ImageConfig Config)
{
    /// <summary>Rebuild time after a one-line source edit, when measured.</summary>
    public TimeSpan? WarmRebuild { get; init; }
}