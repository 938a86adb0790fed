using System.Collections.Immutable;

namespace DockerOpt.Core.Shell;

/// <summary>
/// Pipelines joined by <c>&amp;&amp;</c> / <c>||</c>. <see cref="Operators"/>[i] joins pipeline i and i+1
/// (<see cref="ShellConnector.And"/> or <see cref="ShellConnector.Or"/>). <see cref="Terminator"/> is what ends it:
/// <see cref="ShellConnector.Semicolon"/>, <see cref="ShellConnector.Newline"/>, <see cref="ShellConnector.Background"/>
/// or <see cref="ShellConnector.None"/> at the end of the text.
/// </summary>
public sealed record ShellAndOrList(
    ShellSpan Span,
    ImmutableArray<ShellPipeline> Pipelines,
    ImmutableArray<ShellConnector> Operators,
    ShellConnector Terminator)
{
    /// <summary>Every pipeline is joined with <c>&amp;&amp;</c> (true for a single pipeline).</summary>
    public bool IsAndChain => Operators.All(static o => o == ShellConnector.And);
}

/// <summary>A sequence of and-or lists separated by <c>;</c>, <c>&amp;</c> or newlines.</summary>
public sealed record ShellList(ShellSpan Span, ImmutableArray<ShellAndOrList> Items);