using DockerOpt.Syntax;

namespace DockerOpt.Transforms.Layers;

/// <summary>
/// How a file continues a command chain over several lines: <c>&amp;&amp;</c> leading the continued line
/// (<c>\</c> then <c>    &amp;&amp; next</c>) or trailing the line it ends (<c>&amp;&amp; \</c> then
/// <c>    next</c>), and with which indentation. Sniffed by majority over the file's continuation lines; with no
/// evidence, the leading form with four spaces (the form Docker's own best-practice examples use).
/// </summary>
internal sealed record ChainStyle(bool LeadingOperator, string Indent, string NewLine, char Escape)
{
    /// <summary>Lines longer than this get a continuation instead of one more <c>&amp;&amp;</c> on the same line.</summary>
    public const int MaxSingleLine = 100;

    public static ChainStyle Sniff(DockerfileSyntax syntax, DockerfileStyle style)
    {
        ArgumentNullException.ThrowIfNull(syntax);
        ArgumentNullException.ThrowIfNull(style);
        var leading = 0;
        var trailing = 0;
        var indents = new Dictionary<string, int>(StringComparer.Ordinal);
        var afterTrailing = false;
        foreach (var line in syntax.Source.Lines)
        {
            var text = syntax.Source.Text.AsSpan(line.Start, line.ContentEnd - line.Start).TrimEnd("\r \t");
            var trimmed = text.TrimStart(" \t");
            var indent = text[..(text.Length - trimmed.Length)].ToString();
            if (trimmed.StartsWith("&&", StringComparison.Ordinal) || trimmed.StartsWith("||", StringComparison.Ordinal))
            {
                leading++;
                indents[indent] = indents.GetValueOrDefault(indent) + 1;
            }
            else if (afterTrailing && indent.Length > 0 && !trimmed.StartsWith('#'))
            {
                indents[indent] = indents.GetValueOrDefault(indent) + 1;
            }

            afterTrailing = false;
            if (text.Length > 0 && text[^1] == style.EscapeChar)
            {
                var before = text[..^1].TrimEnd(" \t");
                if (before.EndsWith("&&", StringComparison.Ordinal) || before.EndsWith("||", StringComparison.Ordinal))
                {
                    trailing++;
                    afterTrailing = true;
                }
            }
        }

        // The indentation of chain lines (not of package lists, which people often indent deeper).
        var chainIndent = indents.Count > 0
            ? indents.OrderByDescending(p => p.Value).ThenBy(p => p.Key.Length).First().Key
            : "    ";
        return new ChainStyle(leading >= trailing, chainIndent, style.NewLine, style.EscapeChar);
    }

    /// <summary>
    /// This style, adjusted to a particular multi-line RUN: the indentation of its continued command lines (lines
    /// led by <c>&amp;&amp;</c>, or lines after a trailing <c>&amp;&amp; \</c>) and which of the two forms it uses.
    /// </summary>
    public ChainStyle For(InstructionSyntax instruction)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        if (instruction.EndLine == instruction.StartLine)
        {
            return this;
        }

        var source = instruction.Source;
        var firstIndex = source.GetLineIndex(instruction.Span.Start);
        var lastIndex = source.GetLineIndex(Math.Max(instruction.Span.Start, instruction.Span.End - 1));
        string? leadingIndent = null;
        string? trailingIndent = null;
        for (var i = firstIndex + 1; i <= lastIndex; i++)
        {
            var line = source.Lines[i];
            var first = line.Start;
            while (first < line.ContentEnd && source[first] is ' ' or '\t')
            {
                first++;
            }

            if (first == line.Start || first == line.ContentEnd || source[first] == '#')
            {
                continue;
            }

            var indent = source.Text[line.Start..first];
            if (source.Text.AsSpan(first, line.ContentEnd - first).StartsWith("&&", StringComparison.Ordinal))
            {
                leadingIndent = indent;
            }

            var previous = source.Lines[i - 1];
            var previousText = source.Text[previous.Start..previous.ContentEnd].TrimEnd('\r', ' ', '\t');
            if (previousText.Length > 0 && previousText[^1] == Escape
                && previousText[..^1].TrimEnd(' ', '\t').EndsWith("&&", StringComparison.Ordinal))
            {
                trailingIndent = indent;
            }
        }

        return (leadingIndent, trailingIndent) switch
        {
            ({ } leading, null) => this with { LeadingOperator = true, Indent = leading },
            (null, { } trailing) => this with { LeadingOperator = false, Indent = trailing },
            ({ } leading, { }) => this with { Indent = leading },
            _ => this,
        };
    }

    /// <summary>The text that ends one command and starts the next on a continued line (<c> \⏎    &amp;&amp; </c>).</summary>
    public string Continued => LeadingOperator
        ? $" {Escape}{NewLine}{Indent}&& "
        : $" && {Escape}{NewLine}{Indent}";

    /// <summary>Comment lines placed inside a continuation (BuildKit drops them before the shell runs).</summary>
    public string CommentLines(IEnumerable<string> comments)
    {
        ArgumentNullException.ThrowIfNull(comments);
        return string.Concat(comments.Select(c => Indent + c.Trim() + NewLine));
    }

    /// <summary>
    /// Joins a command and a comment block with the next command: comments sit on their own lines inside the
    /// continuation, just before the command they were written for.
    /// </summary>
    public string ContinuedWithComments(IReadOnlyList<string> comments)
    {
        ArgumentNullException.ThrowIfNull(comments);
        if (comments.Count == 0)
        {
            return Continued;
        }

        return LeadingOperator
            ? $" {Escape}{NewLine}{CommentLines(comments)}{Indent}&& "
            : $" && {Escape}{NewLine}{CommentLines(comments)}{Indent}";
    }
}