namespace DockerOpt.Core.Shell.Commands;

/// <summary>
/// An option of a recognised command: <c>-y</c>, <c>--omit=dev</c> (value in the same word) or <c>-r requirements.txt</c>
/// (value in <see cref="ValueWord"/>). <see cref="Name"/> is the part before <c>=</c>.
/// </summary>
public sealed record CommandOption(ShellWord Word, string Name, string? Value, ShellWord? ValueWord)
{
    /// <summary>The span of the option and its separate value, if any.</summary>
    public ShellSpan Span => ValueWord is null ? Word.Span : ShellSpan.FromBounds(Word.Span.Start, ValueWord.Span.End);

    public override string ToString() => ValueWord is null ? Word.Text : Word.Text + " " + ValueWord.Text;
}