using System.Collections.Immutable;

namespace DockerOpt.Engine.Analysis;

/// <summary>dive's efficiency score and wasted bytes, with the paths responsible (largest first).</summary>
public sealed record EfficiencyReport(double Score, long WastedBytes, ImmutableArray<PathInefficiency> Inefficiencies);