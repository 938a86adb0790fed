namespace DockerOpt.Core.Variables;

/// <summary>
/// One variable reference in Dockerfile text (<c>$X</c>, <c>${X:-d}</c>...), located by <see cref="Start"/> and
/// <see cref="Length"/> in the text it was found in. <see cref="Word"/> is the raw operand of a modifier
/// (<c>d</c> in <c>${X:-d}</c>); <see cref="TreatsEmptyAsUnset"/> is the colon form.
/// </summary>
public sealed record VariableReference(int Start, int Length, string Text, string Name, VariableModifier Modifier, bool TreatsEmptyAsUnset, string? Word)
{
    public int End => Start + Length;

    /// <summary>Every reference in <paramref name="text"/>, nested ones (in a default value) included, in source order.</summary>
    public static IReadOnlyList<VariableReference> FindAll(string text, char escape = '\\') =>
        VariableExpander.Expand(text, EmptyEnvironment.Instance, escape).References;

    public override string ToString() => Text;

    private static class EmptyEnvironment
    {
        public static readonly IReadOnlyDictionary<string, string?> Instance = new Dictionary<string, string?>();
    }
}