using System.Collections.Immutable;

namespace DockerOpt.Engine.Analysis;

/// <summary>One kind of bloat found in the final filesystem, with its total size and its largest places.</summary>
/// <param name="Rule">What was found and how to avoid it.</param>
/// <param name="Bytes">All matching files together.</param>
/// <param name="FileCount">How many files matched.</param>
/// <param name="Roots">The largest places it was found (a cache directory, a <c>__pycache__</c> folder), largest first.</param>
public sealed record BloatFinding(BloatRule Rule, long Bytes, int FileCount, ImmutableArray<PathSize> Roots);