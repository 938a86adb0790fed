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
    private int[]? oldLines;
    private int[]? newLines;

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
    /// <remarks>
    /// A rewrite asks this once per finding, and a file of 100k RUNs has 100k findings: the newline offsets of both
    /// texts are found once, and the line, the offset and the changed region are binary searches.
    /// </remarks>
    public int ToOldLine(int newLine)
    {
        var newOffset = OffsetOfLine(NewLines, newText, newLine);
        var firstAtOrAfter = FirstRegionStartingAtOrAfter(newOffset);
        if (firstAtOrAfter > 0 && newOffset < changed[firstAtOrAfter - 1].NewEnd)
        {
            return LastLineAtMost(LineOfOffset(OldLines, changed[firstAtOrAfter - 1].OldStart));
        }

        if (firstAtOrAfter < changed.Length && changed[firstAtOrAfter].NewStart == newOffset)
        {
            // Text inserted or removed exactly here: the line of what it replaced.
            return LastLineAtMost(LineOfOffset(OldLines, changed[firstAtOrAfter].OldStart));
        }

        var lastBefore = firstAtOrAfter - 1;
        var delta = lastBefore >= 0 ? changed[lastBefore].OldEnd - changed[lastBefore].NewEnd : 0;
        return LastLineAtMost(LineOfOffset(OldLines, Math.Clamp(newOffset + delta, 0, oldText.Length)));
    }

    private int[] OldLines => oldLines ??= NewlineOffsets(oldText);

    private int[] NewLines => newLines ??= NewlineOffsets(newText);

    /// <summary>
    /// Text appended after the final newline sits on a line the user's file does not have; it is reported on the
    /// file's last line, so <c>file:line:col</c> in lint, SARIF and GitHub annotations always names a real line.
    /// </summary>
    private int LastLineAtMost(int line)
    {
        var lastLine = OldLines.Length + 1;
        if (oldText.EndsWith('\n') && lastLine > 1)
        {
            lastLine--;
        }

        return Math.Min(line, lastLine);
    }

    // The changed regions are sorted and do not overlap in the new text (the applier rejects overlapping edits).
    private int FirstRegionStartingAtOrAfter(int newOffset)
    {
        int low = 0, high = changed.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (changed[middle].NewStart < newOffset)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private static int[] NewlineOffsets(string text)
    {
        var offsets = new List<int>();
        for (var i = text.IndexOf('\n', StringComparison.Ordinal); i >= 0; i = text.IndexOf('\n', i + 1))
        {
            offsets.Add(i);
        }

        return [.. offsets];
    }

    private static int OffsetOfLine(int[] newlines, string text, int line)
    {
        if (line <= 1)
        {
            return 0;
        }

        return line - 2 < newlines.Length ? newlines[line - 2] + 1 : text.Length;
    }

    // 1 + the newlines before the offset.
    private static int LineOfOffset(int[] newlines, int offset)
    {
        var index = Array.BinarySearch(newlines, offset);
        return 1 + (index >= 0 ? index : ~index);
    }
}