using System.Collections.Immutable;
using System.Text;

namespace DockerOpt.Syntax;

/// <summary>Joins source slices into a <see cref="LogicalLine"/>, remembering where each slice came from.</summary>
internal sealed class LogicalLineBuilder(string source)
{
    private readonly StringBuilder _text = new();
    private readonly ImmutableArray<LogicalLine.Segment>.Builder _segments = ImmutableArray.CreateBuilder<LogicalLine.Segment>();

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
        new(_text.ToString(), _segments.ToImmutable(), emptySourceOffset);
}
