namespace DockerOpt.Syntax;

/// <summary>A comment line (first non-blank char <c>#</c>) outside any instruction.</summary>
public sealed record CommentSyntax : SyntaxConstruct
{
    /// <summary>The comment from <c>#</c> to the end of the line; its value is the text after <c>#</c>, trimmed.</summary>
    public required SyntaxToken Comment { get; init; }

    public override IEnumerable<SyntaxToken> Tokens() => [Comment];
}