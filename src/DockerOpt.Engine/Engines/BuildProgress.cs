using System.Collections.Immutable;

namespace DockerOpt.Engine.Engines;

/// <summary>What a build is doing now: the steps running in parallel, oldest first (empty between steps).</summary>
public sealed record BuildProgress(ImmutableArray<BuildStep> Running);