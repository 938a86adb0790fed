using System.Text;

namespace DockerOpt.Syntax;

/// <summary>Joins source slices into a <see cref="LogicalLine"/>, remembering where each slice came from.</summary>
internal sealed class LogicalLineBuilder(string source)
{
    private readonly StringBuilder _text = new();
    private readonly List<LogicalLine.Segment> _segments = [];
    private int _length;

    /// <summary>Starts a new logical line (the builder is reused for every instruction of a file).</summary>
    public void Clear()
    {
        _segments.Clear();
        _length = 0;
    }

    public void Add(int sourceStart, int sourceEnd)
    {
        if (sourceEnd <= sourceStart)
        {
            return;
        }

        _segments.Add(new LogicalLine.Segment(_length, sourceStart, sourceEnd - sourceStart));
        _length += sourceEnd - sourceStart;
    }

    // The text is joined only for a line of several slices: most instructions are one, cut from the source in one go.
    public LogicalLine Build(int emptySourceOffset)
    {
        if (_segments.Count == 1)
        {
            return new LogicalLine(source.Substring(_segments[0].SourceStart, _segments[0].Length), _segments[0].SourceStart);
        }

        _text.Clear();
        foreach (LogicalLine.Segment segment in _segments)
        {
            _text.Append(source, segment.SourceStart, segment.Length);
        }

        return new LogicalLine(_text.ToString(), [.. _segments], emptySourceOffset);
    }
}