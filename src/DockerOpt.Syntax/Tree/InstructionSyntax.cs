using System.Collections.Immutable;

namespace DockerOpt.Syntax;

/// <summary>
/// One instruction with everything BuildKit reads as part of it: continuation lines, the comment and blank lines
/// embedded in a continuation (BuildKit drops them, we keep them as trivia) and its heredoc bodies.
/// </summary>
public sealed record InstructionSyntax : SyntaxConstruct
{
    public required InstructionKind Kind { get; init; }

    /// <summary>The keyword exactly as written (its case is the file's style).</summary>
    public required SyntaxToken Keyword { get; init; }

    public required ImmutableArray<FlagSyntax> Flags { get; init; }

    public required ArgumentsSyntax Arguments { get; init; }

    public required ImmutableArray<HeredocSyntax> Heredocs { get; init; }

    /// <summary>The instruction as BuildKit joins it (its <c>Node.Original</c>), with the map back to the source.</summary>
    public required LogicalLine Logical { get; init; }

    /// <summary>
    /// The lone <c>--</c> that ends the builder flags (<c>RUN -- npm ci</c>), or null. BuildKit's extractBuilderFlags
    /// drops it: a word after it is an argument even when it starts with <c>--</c>, so a new flag goes before it.
    /// </summary>
    public TextSpan? FlagTerminator { get; init; }

    /// <summary>
    /// The escape char of a line continuation that the end of the file cuts off (<c>COPY a b\</c> as the last line,
    /// perhaps followed only by comment or blank lines), or null. BuildKit ends the instruction at the end of the file,
    /// but any line added after it would be read as part of it.
    /// </summary>
    public TextSpan? DanglingContinuation { get; init; }

    /// <summary>True for the instruction inside an ONBUILD.</summary>
    public bool IsNested { get; init; }

    /// <summary>The keyword in upper case (<c>RUN</c> for <c>run</c>).</summary>
    public string KeywordUpper => Keyword.Value.ToUpperInvariant();

    public InstructionForm Form => Arguments.Form;

    /// <summary>The first flag with this name (without dashes, case-sensitive like BuildKit), or <c>null</c>.</summary>
    public FlagSyntax? GetFlag(string name)
    {
        foreach (FlagSyntax flag in Flags)
        {
            if (flag.Name == name)
            {
                return flag;
            }
        }

        return null;
    }

    public override IEnumerable<SyntaxToken> Tokens()
    {
        yield return Keyword;
        foreach (FlagSyntax flag in Flags)
        {
            yield return flag.Token;
        }

        foreach (SyntaxToken token in Arguments.Tokens())
        {
            yield return token;
        }

        foreach (HeredocSyntax heredoc in Heredocs)
        {
            yield return heredoc.Body;
            if (heredoc.Terminator is not null)
            {
                yield return heredoc.Terminator;
            }
        }
    }
}