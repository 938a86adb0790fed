using System.Collections.Immutable;

using DockerOpt.Core.Editing;

namespace DockerOpt.Core.Passes;

/// <summary>What one pass returns: edits against the text it was given, findings and generated files.</summary>
public sealed record PassResult(ImmutableArray<TextEdit> Edits, ImmutableArray<Finding> Findings, ImmutableArray<GeneratedFile> Files)
{
    public static PassResult Empty { get; } = new([], [], []);

    /// <summary>
    /// Like <see cref="PassInfo.RunsAgainAfterLaterEdits"/>, for this text only: the pass judged by something a later
    /// pass may still change (cache-mounts, when it left a mount out for tally's RUN groups), so the rewriter runs it
    /// once more on the final text if a later pass changed it. Asked per run, it costs nothing on the many files where
    /// nothing was left out.
    /// </summary>
    public bool RunAgainAfterLaterEdits { get; init; }

    public static PassResult FindingsOnly(IEnumerable<Finding> findings) => new([], [.. findings], []);
}