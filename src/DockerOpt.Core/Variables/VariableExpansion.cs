using System.Collections.Immutable;

namespace DockerOpt.Core.Variables;

/// <summary>
/// The result of <see cref="VariableExpander"/>: the text with every resolvable reference replaced, the
/// references found, and which names could not be resolved.
/// </summary>
/// <param name="Text">The expanded text. A reference to a variable whose value is unknown is kept as written.</param>
/// <param name="References">Every reference, in source order (nested ones included).</param>
/// <param name="UnknownNames">Names that are declared but whose value is unknown (null in the environment).</param>
/// <param name="UnsetNames">Names absent from the environment: BuildKit expands them to the empty string.</param>
/// <param name="Error">BuildKit would fail here (<c>${X?msg}</c> on an unset X, bad substitution...), otherwise null.</param>
public sealed record VariableExpansion(
    string Text,
    ImmutableArray<VariableReference> References,
    ImmutableArray<string> UnknownNames,
    ImmutableArray<string> UnsetNames,
    string? Error)
{
    /// <summary>The result does not depend on anything unknown and BuildKit would not fail.</summary>
    public bool IsFullyResolved => UnknownNames.IsEmpty && Error is null;

    /// <summary>The distinct names referenced, in order of first use.</summary>
    public IEnumerable<string> ReferencedNames => References.Select(static r => r.Name).Distinct(StringComparer.Ordinal);
}