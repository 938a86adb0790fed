namespace DockerOpt.Syntax;

/// <summary>
/// The terminator of one physical line. Only <c>\n</c> ends a line (BuildKit splits on <c>\n</c>, so a lone
/// <c>\r</c> is ordinary content); <see cref="CrLf"/> means the <c>\n</c> is preceded by one <c>\r</c>.
/// </summary>
public enum LineEnding
{
    /// <summary>The last line of a file without a final newline.</summary>
    None,

    Lf,

    CrLf,
}

/// <summary>Helpers for <see cref="LineEnding"/>.</summary>
public static class LineEndingExtensions
{
    /// <summary>The exact characters of the terminator.</summary>
    public static string ToText(this LineEnding ending) => ending switch
    {
        LineEnding.Lf => "\n",
        LineEnding.CrLf => "\r\n",
        _ => string.Empty,
    };
}