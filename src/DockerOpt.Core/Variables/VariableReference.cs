namespace DockerOpt.Core.Variables;

/// <summary>
/// One variable reference in Dockerfile text (<c>$X</c>, <c>${X:-d}</c>...), located by <see cref="Start"/> and
/// <see cref="Length"/> in the text it was found in. <see cref="Word"/> is the raw operand of a modifier
/// (<c>d</c> in <c>${X:-d}</c>); <see cref="TreatsEmptyAsUnset"/> is the colon form.
/// </summary>
/// <remarks>
/// <see cref="Text"/> and <see cref="Word"/> are cut from the source only when read: references nest, and
/// <c>${a-${a-...}}</c> nested n deep holds n references whose texts add up to n² characters.
/// </remarks>
public sealed class VariableReference
{
    private readonly string source;
    private readonly int wordStart;
    private readonly int wordLength;

    /// <param name="source">The text the reference was found in.</param>
    /// <param name="start">Where the reference starts in <paramref name="source"/>.</param>
    /// <param name="length">Its length, <c>$</c> and braces included.</param>
    /// <param name="name">The variable's name.</param>
    /// <param name="modifier">The operator.</param>
    /// <param name="treatsEmptyAsUnset">The colon form (<c>${X:-d}</c>).</param>
    /// <param name="wordStart">Where the modifier's raw operand starts, or -1 when there is none.</param>
    /// <param name="wordLength">The operand's length.</param>
    public VariableReference(string source, int start, int length, string name, VariableModifier modifier, bool treatsEmptyAsUnset, int wordStart, int wordLength)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(name);
        this.source = source;
        Start = start;
        Length = length;
        Name = name;
        Modifier = modifier;
        TreatsEmptyAsUnset = treatsEmptyAsUnset;
        this.wordStart = wordStart;
        this.wordLength = wordLength;
    }

    public int Start { get; }

    public int Length { get; }

    public string Name { get; }

    public VariableModifier Modifier { get; }

    public bool TreatsEmptyAsUnset { get; }

    public int End => Start + Length;

    /// <summary>The reference exactly as written.</summary>
    public string Text => source.Substring(Start, Length);

    /// <summary>The raw operand of the modifier, or null for <c>$X</c> and <c>${X}</c>.</summary>
    public string? Word => wordStart < 0 ? null : source.Substring(wordStart, wordLength);

    /// <summary>Every reference in <paramref name="text"/>, nested ones (in a default value) included, in source order.</summary>
    public static IReadOnlyList<VariableReference> FindAll(string text, char escape = '\\') =>
        VariableExpander.Expand(text, EmptyEnvironment.Instance, escape).References;

    public override string ToString() => Text;

    private static class EmptyEnvironment
    {
        public static readonly IReadOnlyDictionary<string, string?> Instance = new Dictionary<string, string?>();
    }
}