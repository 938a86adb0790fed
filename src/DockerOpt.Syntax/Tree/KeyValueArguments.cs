using System.Collections.Immutable;

namespace DockerOpt.Syntax;

/// <summary>
/// ENV and LABEL pairs. Keys and values keep quotes and escapes exactly as written (as BuildKit's parser does).
/// <see cref="IsLegacyForm"/> marks <c>ENV key value with spaces</c>, where the value is the rest of the line.
/// </summary>
public sealed record KeyValueArguments : ArgumentsSyntax
{
    public required ImmutableArray<KeyValuePairSyntax> Pairs { get; init; }

    public required bool IsLegacyForm { get; init; }

    public override IEnumerable<SyntaxToken> Tokens() => Pairs.SelectMany(p => new[] { p.Key, p.Value });
}

/// <summary>One <c>key=value</c> (or legacy <c>key value</c>) pair.</summary>
public sealed record KeyValuePairSyntax(SyntaxToken Key, SyntaxToken Value)
{
    public TextSpan Span => TextSpan.FromBounds(Key.Span.Start, Math.Max(Key.Span.End, Value.Span.End));
}