namespace DockerOpt.Syntax;

/// <summary>
/// One physical line of a <see cref="SourceText"/>: its content <c>[Start, ContentEnd)</c> followed by its
/// terminator <c>[ContentEnd, FullEnd)</c>.
/// </summary>
public readonly record struct TextLine(int Number, int Start, int ContentEnd, LineEnding Ending)
{
    public int FullEnd => ContentEnd + Ending switch
    {
        LineEnding.Lf => 1,
        LineEnding.CrLf => 2,
        _ => 0,
    };

    public TextSpan Span => TextSpan.FromBounds(Start, ContentEnd);

    public TextSpan FullSpan => TextSpan.FromBounds(Start, FullEnd);
}