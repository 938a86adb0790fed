using System.Collections.Immutable;

namespace DockerOpt.Syntax;

/// <summary>
/// The exact original text of a Dockerfile: byte order mark (kept as the first char <c>U+FEFF</c>), each line's own
/// terminator, tabs. Nothing is normalised, so concatenating slices of <see cref="Text"/> reproduces the input.
/// </summary>
public sealed class SourceText
{
    private const char ByteOrderMark = '\uFEFF';

    private SourceText(string text, string? path, ImmutableArray<TextLine> lines)
    {
        Text = text;
        Path = path;
        Lines = lines;
    }

    /// <summary>The full text, exactly as read.</summary>
    public string Text { get; }

    /// <summary>The file path used in messages, or <c>null</c> for text that did not come from a file.</summary>
    public string? Path { get; }

    /// <summary>Every physical line. An empty text has no lines; a final newline does not start a new line.</summary>
    public ImmutableArray<TextLine> Lines { get; }

    public int Length => Text.Length;

    /// <summary>True when the text starts with a UTF-8 byte order mark.</summary>
    public bool HasByteOrderMark => Text.Length > 0 && Text[0] == ByteOrderMark;

    /// <summary>The name used in diagnostics: the path, or <c>Dockerfile</c>.</summary>
    public string DisplayPath => Path ?? "Dockerfile";

    public char this[int index] => Text[index];

    public static SourceText From(string text, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new SourceText(text, path, SplitLines(text));
    }

    public string ToString(TextSpan span) => Text.Substring(span.Start, span.Length);

    public ReadOnlySpan<char> AsSpan(TextSpan span) => Text.AsSpan(span.Start, span.Length);

    public override string ToString() => Text;

    /// <summary>The 1-based line and column of an offset (an offset at the very end maps past the last char).</summary>
    public LinePosition GetLinePosition(int offset)
    {
        if (Lines.IsEmpty)
        {
            return new LinePosition(1, 1);
        }

        int index = GetLineIndex(offset);
        return new LinePosition(index + 1, offset - Lines[index].Start + 1);
    }

    /// <summary>The 0-based index of the line that contains <paramref name="offset"/>.</summary>
    public int GetLineIndex(int offset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(offset, Text.Length);
        int low = 0;
        int high = Lines.Length - 1;
        while (low < high)
        {
            int mid = (low + high + 1) / 2;
            if (Lines[mid].Start <= offset)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        return low;
    }

    private static ImmutableArray<TextLine> SplitLines(string text)
    {
        // Sized to the line count up front: growing by doubling copied the array of a large file several times.
        var lines = ImmutableArray.CreateBuilder<TextLine>(text.AsSpan().Count('\n') + 1);
        int start = 0;
        while (start < text.Length)
        {
            int newline = text.IndexOf('\n', start);
            if (newline < 0)
            {
                lines.Add(new TextLine(lines.Count + 1, start, text.Length, LineEnding.None));
                break;
            }

            bool crlf = newline > start && text[newline - 1] == '\r';
            lines.Add(new TextLine(lines.Count + 1, start, crlf ? newline - 1 : newline, crlf ? LineEnding.CrLf : LineEnding.Lf));
            start = newline + 1;
        }

        return lines.DrainToImmutable();
    }
}