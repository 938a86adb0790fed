namespace DockerOpt.Syntax;

/// <summary>A line that is empty or holds only whitespace (all of it trivia).</summary>
public sealed record BlankLineSyntax : SyntaxConstruct
{
    public override IEnumerable<SyntaxToken> Tokens() => [];
}