namespace DockerOpt.Syntax;

/// <summary>
/// One top-level piece of a Dockerfile: a parser directive, a comment line, a blank line or an instruction.
/// The <see cref="FullSpan"/>s of a file's constructs tile it exactly (each starts where the previous ends), which is
/// what makes printing lossless. <see cref="Span"/> excludes leading whitespace, the BOM and the final terminator.
/// </summary>
public abstract record SyntaxConstruct
{
    /// <summary>The text this construct was parsed from.</summary>
    public required SourceText Source { get; init; }

    public required TextSpan Span { get; init; }

    public required TextSpan FullSpan { get; init; }

    /// <summary>1-based number of the first physical line.</summary>
    public required int StartLine { get; init; }

    /// <summary>1-based number of the last physical line (heredoc terminator included).</summary>
    public required int EndLine { get; init; }

    /// <summary>The exact source text of <see cref="Span"/>.</summary>
    public string Text => Source.ToString(Span);

    /// <summary>The exact source text of <see cref="FullSpan"/>.</summary>
    public string FullText => Source.ToString(FullSpan);

    /// <summary>The tokens in source order; every char of <see cref="FullSpan"/> outside them is trivia.</summary>
    public abstract IEnumerable<SyntaxToken> Tokens();

    public sealed override string ToString() => Text;
}