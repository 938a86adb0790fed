using System.Collections.Immutable;

namespace DockerOpt.Engine.Analysis;

/// <summary>A path that more than one layer touched (wrote, rewrote or deleted), with the bytes it cost in total.</summary>
/// <param name="Path">The path in the image.</param>
/// <param name="CumulativeSize">The bytes of every layer's version of the path, dive's measure of the waste.</param>
/// <param name="Layers">The indexes (0 = base) of the layers that touched it.</param>
public sealed record PathInefficiency(string Path, long CumulativeSize, ImmutableArray<int> Layers);