namespace DockerOpt.Core.Shell;

/// <summary>
/// A range of characters in the text given to <see cref="ShellParser"/>. Passes add the offset of that text
/// in the Dockerfile to turn it into an edit of the file.
/// </summary>
public readonly record struct ShellSpan(int Start, int Length)
{
    public int End => Start + Length;

    public static ShellSpan FromBounds(int start, int end) => new(start, end - start);

    public bool Contains(ShellSpan other) => other.Start >= Start && other.End <= End;

    /// <summary>The characters of <paramref name="text"/> this span covers.</summary>
    public string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Substring(Start, Length);
    }

    public override string ToString() => $"[{Start}..{End})";
}