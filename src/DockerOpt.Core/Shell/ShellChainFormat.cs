namespace DockerOpt.Core.Shell;

/// <summary>
/// How a chain of commands continues over several lines in a Dockerfile: <see cref="Separator"/> goes between two
/// commands, e.g. <c>" \\\n    &amp;&amp; "</c> (operator leading the next line) or <c>" &amp;&amp; \\\n    "</c>
/// (operator trailing the line). Built from the file's own escape character, line ending and indentation.
/// </summary>
public sealed record ShellChainFormat(string Separator)
{
    /// <summary>All on one line: <c>a &amp;&amp; b</c>.</summary>
    public static ShellChainFormat SingleLine { get; } = new(" && ");

    /// <summary><c>a \ newline     &amp;&amp; b</c>: the operator leads each continued line.</summary>
    public static ShellChainFormat LeadingOperator(char escape, string lineEnding, string indent) =>
        new($" {escape}{lineEnding}{indent}&& ");

    /// <summary><c>a &amp;&amp; \ newline     b</c>: the operator ends each continued line.</summary>
    public static ShellChainFormat TrailingOperator(char escape, string lineEnding, string indent) =>
        new($" && {escape}{lineEnding}{indent}");
}