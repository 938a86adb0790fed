using System.Collections.Immutable;

using DockerOpt.Core.Editing;

namespace DockerOpt.Core.Passes;

/// <summary>What one pass returns: edits against the text it was given, findings and generated files.</summary>
public sealed record PassResult(ImmutableArray<TextEdit> Edits, ImmutableArray<Finding> Findings, ImmutableArray<GeneratedFile> Files)
{
    public static PassResult Empty { get; } = new([], [], []);

    public static PassResult FindingsOnly(IEnumerable<Finding> findings) => new([], [.. findings], []);
}