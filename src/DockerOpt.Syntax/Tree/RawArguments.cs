namespace DockerOpt.Syntax;

/// <summary>The arguments of an unknown instruction, kept as one raw token.</summary>
public sealed record RawArguments : ArgumentsSyntax
{
    public required SyntaxToken Raw { get; init; }

    public override IEnumerable<SyntaxToken> Tokens() => [Raw];
}