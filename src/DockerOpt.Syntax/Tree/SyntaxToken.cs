namespace DockerOpt.Syntax;

/// <summary>
/// A token: its exact source <see cref="Text"/> (what the printer writes) and its semantic <see cref="Value"/>
/// (continuations and embedded comment lines removed, and for flags, exec elements and heredoc names also quotes).
/// </summary>
public sealed record SyntaxToken(SyntaxKind Kind, TextSpan Span, string Text, string Value)
{
    public override string ToString() => Text;
}