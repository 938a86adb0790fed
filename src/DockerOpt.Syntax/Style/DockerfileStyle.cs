namespace DockerOpt.Syntax;

/// <summary>
/// How a Dockerfile is written, so generated text can match it: line ending, keyword case, the indentation of
/// continuation lines, the escape char, and whether the file ends with a newline.
/// </summary>
public sealed record DockerfileStyle(
    string NewLine,
    KeywordCase KeywordCase,
    string ContinuationIndent,
    char EscapeChar,
    bool EndsWithNewLine)
{
    /// <summary>The style used when a file gives no evidence: LF, upper case, four spaces, backslash.</summary>
    public static DockerfileStyle Default { get; } = new("\n", KeywordCase.Upper, "    ", '\\', true);

    /// <summary>A keyword written in this style (<c>run</c> for a lower-case file).</summary>
    public string FormatKeyword(string keyword)
    {
        ArgumentNullException.ThrowIfNull(keyword);
        return KeywordCase == KeywordCase.Lower ? keyword.ToLowerInvariant() : keyword.ToUpperInvariant();
    }

    /// <summary>The text that continues a command on a new line: <c> \</c>, the newline, then the indentation.</summary>
    public string LineContinuation => " " + EscapeChar + NewLine + ContinuationIndent;
}

/// <summary>The case in which a file writes its instruction keywords.</summary>
public enum KeywordCase
{
    Upper,
    Lower,
}