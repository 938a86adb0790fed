namespace DockerOpt.Syntax;

/// <summary>A 1-based line and column (column counted in UTF-16 code units, a tab counts as one).</summary>
public readonly record struct LinePosition(int Line, int Column)
{
    public override string ToString() => $"{Line}:{Column}";
}