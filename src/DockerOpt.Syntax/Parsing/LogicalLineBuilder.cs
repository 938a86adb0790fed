using System.Text;

namespace DockerOpt.Syntax;

/// <summary>Joins source slices into a <see cref="LogicalLine"/>, remembering where each slice came from.</summary>
internal sealed class LogicalLineBuilder(string source)
{
    private readonly StringBuilder _text = new();
    private readonly List<LogicalLine.Segment> _segments = [];

    /// <summary>Starts a new logical line (the builder is reused for every instruction of a file).</summary>
    public void Clear()
    {
        _text.Clear();
        _segments.Clear();
    }

    public void Add(int sourceStart, int sourceEnd)
    {
        if (sourceEnd <= sourceStart)
        {
            return;
        }

        _segments.Add(new LogicalLine.Segment(_text.Length, sourceStart, sourceEnd - sourceStart));
        _text.Append(source, sourceStart, sourceEnd - sourceStart);
    }

    public LogicalLine Build(int emptySourceOffset) =>
        new(_segments.Count == 1 ? source.Substring(_segments[0].SourceStart, _segments[0].Length) : _text.ToString(), [.. _segments], emptySourceOffset);
}