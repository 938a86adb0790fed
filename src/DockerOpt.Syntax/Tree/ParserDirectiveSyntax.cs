namespace DockerOpt.Syntax;

/// <summary>
/// A parser directive (<c># syntax=...</c>, <c># escape=`</c>, <c># check=...</c>) at the top of the file.
/// <see cref="Name"/> is lower case; the tokens keep the case as written.
/// </summary>
public sealed record ParserDirectiveSyntax : SyntaxConstruct
{
    public required SyntaxToken NameToken { get; init; }

    public required SyntaxToken ValueToken { get; init; }

    public string Name => NameToken.Value;

    public string Value => ValueToken.Value;

    public override IEnumerable<SyntaxToken> Tokens() => [NameToken, ValueToken];
}