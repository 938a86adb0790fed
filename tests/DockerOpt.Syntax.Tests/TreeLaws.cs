
namespace DockerOpt.Syntax.Tests;

/// <summary>The invariants every parsed tree must satisfy, checked by the round-trip tests.</summary>
internal static class TreeLaws
{
    /// <summary>Null when the tree is lossless and well formed; otherwise what is wrong.</summary>
    public static string? Violation(DockerfileSyntax syntax)
    {
        string text = syntax.Source.Text;
        int position = 0;
        foreach (SyntaxConstruct construct in syntax.Constructs)
        {
            if (construct.FullSpan.Start != position)
            {
                return $"construct at line {construct.StartLine} starts at {construct.FullSpan.Start}, expected {position}";
            }

            if (!construct.FullSpan.Contains(construct.Span))
            {
                return $"construct at line {construct.StartLine}: span {construct.Span} outside full span {construct.FullSpan}";
            }

            int tokenEnd = construct.FullSpan.Start;
            foreach (SyntaxToken token in construct.Tokens())
            {
                if (token.Span.Start < tokenEnd || token.Span.End > construct.FullSpan.End)
                {
                    return $"construct at line {construct.StartLine}: token {token.Kind} {token.Span} out of order or outside {construct.FullSpan}";
                }

                if (token.Text != text.Substring(token.Span.Start, token.Span.Length))
                {
                    return $"construct at line {construct.StartLine}: token {token.Kind} text differs from its span";
                }

                tokenEnd = token.Span.End;
            }

            position = construct.FullSpan.End;
        }

        if (position != text.Length)
        {
            return $"constructs end at {position}, text is {text.Length} chars";
        }

        return syntax.ToFullString() == text ? null : "printed text differs from the input";
    }
}