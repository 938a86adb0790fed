using System.Collections.Immutable;

namespace DockerOpt.Syntax;

/// <summary>
/// <c>FROM image [AS name]</c>. <see cref="Words"/> are all whitespace-separated words as BuildKit splits them;
/// <see cref="AsKeyword"/> and <see cref="StageName"/> are set only for the valid three-word form.
/// </summary>
public sealed record FromArguments : ArgumentsSyntax
{
    public required ImmutableArray<SyntaxToken> Words { get; init; }

    public SyntaxToken? Image => Words.IsEmpty ? null : Words[0];

    public SyntaxToken? AsKeyword =>
        Words.Length == 3 && Words[1].Value.Equals("as", StringComparison.OrdinalIgnoreCase) ? Words[1] : null;

    public SyntaxToken? StageName => AsKeyword is null ? null : Words[2];

    public override IEnumerable<SyntaxToken> Tokens() => Words;
}