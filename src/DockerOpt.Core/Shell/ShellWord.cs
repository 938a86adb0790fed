namespace DockerOpt.Core.Shell;

/// <summary>
/// A shell word exactly as written (<see cref="Text"/>, quotes kept) and, when it has no expansion, the value the
/// shell gives it (<see cref="Value"/>: quotes removed, escapes resolved). A glob keeps its pattern as the value.
/// </summary>
public sealed record ShellWord(ShellSpan Span, string Text, string? Value, ShellWordTraits Traits)
{
    public bool HasExpansion => (Traits & ShellWordTraits.Expansion) != 0;

    public bool HasCommandSubstitution => (Traits & ShellWordTraits.CommandSubstitution) != 0;

    public bool HasGlob => (Traits & ShellWordTraits.Glob) != 0;

    public bool IsQuoted => (Traits & ShellWordTraits.Quoted) != 0;

    /// <summary>The value is known without running anything.</summary>
    public bool IsStatic => Value is not null;

    /// <summary>True when the word is statically <paramref name="value"/> (ordinal comparison).</summary>
    public bool Is(string value) => string.Equals(Value, value, StringComparison.Ordinal);

    public override string ToString() => Text;
}