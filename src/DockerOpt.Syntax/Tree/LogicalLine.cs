using System.Collections.Immutable;

namespace DockerOpt.Syntax;

/// <summary>
/// An instruction as BuildKit sees it: the physical lines joined with their continuation characters, embedded
/// comment lines and empty continuation lines removed (BuildKit's <c>Node.Original</c>), together with a map from
/// every logical offset back to the source offset it came from, so a pass can edit a word in place.
/// </summary>
public sealed class LogicalLine
{
    // Default for a line cut from one source slice (most instructions): then _singleStart is where it starts, and no
    // array is kept (one per instruction was 4 MB of a 100,000-instruction file's tree).
    private readonly ImmutableArray<Segment> _segments;
    private readonly int _singleStart;

    internal LogicalLine(string text, ImmutableArray<Segment> segments, int emptySourceOffset)
    {
        Text = text;
        _segments = segments;
        EmptySourceOffset = emptySourceOffset;
    }

    /// <summary>A line that is one source slice: <paramref name="text"/> starts at <paramref name="sourceStart"/>.</summary>
    internal LogicalLine(string text, int sourceStart)
    {
        Text = text;
        _singleStart = sourceStart;
        EmptySourceOffset = sourceStart;
    }

    /// <summary>The joined text.</summary>
    public string Text { get; }

    public int Length => Text.Length;

    /// <summary>Where a logical line without any text sits in the source.</summary>
    private int EmptySourceOffset { get; }

    /// <summary>
    /// The source offset of the char at <paramref name="logicalOffset"/>; <see cref="Length"/> maps just past the
    /// last char taken from the source.
    /// </summary>
    public int ToSourceOffset(int logicalOffset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(logicalOffset);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(logicalOffset, Text.Length);
        if (_segments.IsDefault)
        {
            return _singleStart + logicalOffset;
        }

        if (_segments.IsEmpty)
        {
            return EmptySourceOffset;
        }

        if (logicalOffset == Text.Length)
        {
            Segment last = _segments[^1];
            return last.SourceStart + last.Length;
        }

        int low = 0;
        int high = _segments.Length - 1;
        while (low < high)
        {
            int mid = (low + high + 1) / 2;
            if (_segments[mid].LogicalStart <= logicalOffset)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        Segment segment = _segments[low];
        return segment.SourceStart + (logicalOffset - segment.LogicalStart);
    }

    /// <summary>
    /// The source span of the logical range <c>[logicalStart, logicalEnd)</c>: from its first char to just after its
    /// last char, so it covers any continuation inside the range but never one after it.
    /// </summary>
    public TextSpan ToSourceSpan(int logicalStart, int logicalEnd)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(logicalStart, logicalEnd);
        if (logicalStart == logicalEnd)
        {
            int at = ToSourceOffset(logicalStart);
            return new TextSpan(at, 0);
        }

        return TextSpan.FromBounds(ToSourceOffset(logicalStart), ToSourceOffset(logicalEnd - 1) + 1);
    }

    public override string ToString() => Text;

    /// <summary>A non-empty run of logical chars copied from one place in the source.</summary>
    internal readonly record struct Segment(int LogicalStart, int SourceStart, int Length);
}