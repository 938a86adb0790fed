namespace DockerOpt.Syntax;

/// <summary>
/// A builder flag (<c>--from=build</c>, <c>--link</c>, <c>--mount="type=cache,target=/x"</c>).
/// <see cref="Token"/> holds the exact source text; <see cref="BuildKitText"/> is the flag as BuildKit hands it on
/// (quotes removed, backslash escapes resolved); <see cref="Name"/> has no dashes; <see cref="Value"/> is <c>null</c>
/// for a flag written without <c>=</c>.
/// </summary>
public sealed record FlagSyntax(SyntaxToken Token, string BuildKitText, string Name, string? Value)
{
    public TextSpan Span => Token.Span;

    public string Text => Token.Text;

    public override string ToString() => Text;
}