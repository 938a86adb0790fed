namespace DockerOpt.Core.Shell;

/// <summary>What a run of characters in a shell script is, at the level of the lexer.</summary>
public enum ShellPieceKind
{
    /// <summary>Spaces, tabs and line continuations between tokens.</summary>
    Whitespace,

    /// <summary>A <c>#</c> comment up to (not including) the end of its line.</summary>
    Comment,

    /// <summary>A Dockerfile comment line embedded in a continuation (BuildKit drops it before the shell runs).</summary>
    EmbeddedComment,

    Word,
    Operator,
    Newline,

    /// <summary>The lines of a here-document, including its closing delimiter line.</summary>
    HereDocBody,
}