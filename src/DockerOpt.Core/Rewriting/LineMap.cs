using System.Collections.Immutable;

using DockerOpt.Core.Editing;

namespace DockerOpt.Core.Rewriting;

/// <summary>
/// Maps a line of an edited text back to the line of the text before the edits, so every finding in a
/// rewrite report names a line of the file the user actually has. A line inside replaced text maps to
/// the first line of what it replaced.
/// </summary>
public sealed class LineMap
{
    private readonly string oldText;
    private readonly string newText;
    private readonly ImmutableArray<(int NewStart, int NewEnd, int OldStart, int OldEnd)> changed;

    private LineMap(string oldText, string newText, ImmutableArray<(int NewStart, int NewEnd, int OldStart, int OldEnd)> changed)
    {
        this.oldText = oldText;
        this.newText = newText;
        this.changed = changed;
    }

    public static LineMap Identity(string text) => new(text, text, []);

    public static LineMap FromEdits(string oldText, string newText, IEnumerable<TextEdit> edits)
    {
        ArgumentNullException.ThrowIfNull(edits);
        var regions = ImmutableArray.CreateBuilder<(int, int, int, int)>();
        var delta = 0;
        foreach (var edit in edits.OrderBy(e => e.Span.Start).ThenBy(e => e.Span.Length))
        {
            var newStart = edit.Span.Start + delta;
            regions.Add((newStart, newStart + edit.NewText.Length, edit.Span.Start, edit.Span.End));
            delta += edit.NewText.Length - edit.Span.Length;
        }

        return new LineMap(oldText, newText, regions.ToImmutable());
    }

    /// <summary>The 1-based old line for a 1-based new line.</summary>
    public int ToOldLine(int newLine)
    {
        var newOffset = OffsetOfLine(newText, newLine);
        var delta = 0;
        foreach (var (newStart, newEnd, oldStart, oldEnd) in changed)
        {
            if (newOffset < newStart)
            {
                break;
            }

            if (newOffset < newEnd || (newOffset == newStart && newEnd == newStart))
            {
                return LastLineAtMost(LineOfOffset(oldText, oldStart));
            }

            delta = oldEnd - newEnd;
        }

        return LastLineAtMost(LineOfOffset(oldText, Math.Clamp(newOffset + delta, 0, oldText.Length)));
    }

    /// <summary>
    /// Text appended after the final newline sits on a line the user's file does not have; it is reported on the
    /// file's last line, so <c>file:line:col</c> in lint, SARIF and GitHub annotations always names a real line.
    /// </summary>
    private int LastLineAtMost(int line)
    {
        var lastLine = LineOfOffset(oldText, oldText.Length);
        if (oldText.EndsWith('\n') && lastLine > 1)
        {
            lastLine--;
        }

        return Math.Min(line, lastLine);
    }

    private static int OffsetOfLine(string text, int line)
    {
        var offset = 0;
        for (var current = 1; current < line; current++)
        {
            var next = text.IndexOf('\n', offset);
            if (next < 0)
            {
                return text.Length;
            }

            offset = next + 1;
        }

        return offset;
    }

    private static int LineOfOffset(string text, int offset)
    {
        var line = 1;
        for (var i = 0; i < offset && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
            }
        }

        return line;
    }
}