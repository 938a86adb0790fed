using DockerOpt.Engine.Images;

namespace DockerOpt.Engine.Verification;

/// <summary>One built image, measured from its own data.</summary>
/// <param name="Tag">The tag dockeropt gave it.</param>
/// <param name="EngineSize">The size the engine reports (<c>docker image inspect --format {{.Size}}</c>; <c>docker images</c>
/// shows the same figure): what users compare.</param>
/// <param name="PullSize">All layers gzip-compressed: what a registry stores and a pull downloads.</param>
/// <param name="LayerCount">Filesystem layers.</param>
/// <param name="WastedBytes">dive's wasted bytes.</param>
/// <param name="Efficiency">dive's efficiency score.</param>
/// <param name="ColdBuild">Build times without any cache.</param>
/// <param name="Config">The runtime configuration the engine reports.</param>
public sealed record ImageMeasurement(
    string Tag,
    long EngineSize,
    long PullSize,
    int LayerCount,
    long WastedBytes,
    double Efficiency,
    BuildTimes ColdBuild,
    ImageConfig Config)
{
    /// <summary>Rebuild times after a one-line source edit, when measured.</summary>
    public BuildTimes? WarmRebuild { get; init; }
}