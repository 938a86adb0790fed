using System.Collections.Immutable;

using DockerOpt.Core.Passes;

namespace DockerOpt.Core.Rewriting;

/// <summary>What one pass did in a rewrite: its findings, with lines of the ORIGINAL file.</summary>
public sealed record AppliedPass(PassInfo Info, bool Changed, ImmutableArray<Finding> Findings);