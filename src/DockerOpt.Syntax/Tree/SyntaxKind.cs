namespace DockerOpt.Syntax;

/// <summary>What a <see cref="SyntaxToken"/> is. Everything between tokens is trivia.</summary>
public enum SyntaxKind
{
    /// <summary>The instruction keyword as written (<c>RUN</c>, <c>run</c>, <c>Run</c>).</summary>
    Keyword,

    /// <summary>A builder flag such as <c>--mount=type=cache,target=/root/.cache</c>.</summary>
    Flag,

    /// <summary>A whole shell-form command (may span continuation lines).</summary>
    ShellCommand,

    /// <summary>One JSON string of an exec-form array, quotes included in the text.</summary>
    ExecElement,

    /// <summary>A whitespace- or quote-delimited word.</summary>
    Word,

    /// <summary>The key of an ENV/LABEL pair.</summary>
    Key,

    /// <summary>The value of an ENV/LABEL pair (quotes and escapes kept as written).</summary>
    Value,

    /// <summary>The image reference of a FROM.</summary>
    Image,

    /// <summary>The <c>AS</c> keyword of a FROM.</summary>
    AsKeyword,

    /// <summary>The stage name after <c>AS</c>.</summary>
    StageName,

    /// <summary>The <c>CMD</c>/<c>NONE</c> type word of a HEALTHCHECK.</summary>
    HealthcheckType,

    /// <summary>The body lines of a heredoc (each with its own terminator).</summary>
    HeredocBody,

    /// <summary>The line that closes a heredoc (without its line terminator).</summary>
    HeredocTerminator,

    /// <summary>A comment line from <c>#</c> to the end of the line.</summary>
    Comment,

    /// <summary>The name of a parser directive.</summary>
    DirectiveName,

    /// <summary>The value of a parser directive.</summary>
    DirectiveValue,

    /// <summary>Arguments the parser keeps as they are (unknown instruction).</summary>
    Raw,
}