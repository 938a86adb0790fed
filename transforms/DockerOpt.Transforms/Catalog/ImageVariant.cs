using System.Collections.Immutable;

using DockerOpt.Core.Passes;

namespace DockerOpt.Transforms.Catalog;

/// <summary>
/// One rung of a family's ladder (full, slim, alpine): its tag shapes, the level that may choose it, and the
/// named requirements that must hold for the stage (evaluated by the base-image pass).
/// </summary>
public sealed record ImageVariant(string Name, RewriteLevel Level, ImmutableArray<TagTemplate> Tags, ImmutableArray<string> Requires)
{
    /// <summary>The first template that fits the tag, with its bindings, or null.</summary>
    public (TagTemplate Template, ImmutableDictionary<string, string> Values)? Match(string tag)
    {
        foreach (var template in Tags)
        {
            if (template.Match(tag) is { } values)
            {
                return (template, values);
            }
        }

        return null;
    }

    /// <summary>
    /// This variant's tag for the values bound from another variant: the template using the most of them, which
    /// must use every one in <paramref name="keep"/> that is bound (a swap never drops the version). Null when none fits.
    /// </summary>
    public string? Render(IReadOnlyDictionary<string, string> values, IEnumerable<string> keep)
    {
        ArgumentNullException.ThrowIfNull(values);
        var mustKeep = keep.Where(values.ContainsKey).ToHashSet(StringComparer.Ordinal);
        var best = Tags
            .Where(t => t.Placeholders.All(values.ContainsKey) && mustKeep.IsSubsetOf(t.Placeholders))
            .OrderByDescending(t => t.Placeholders.Length)
            .FirstOrDefault();
        return best?.Render(values);
    }

    public override string ToString() => Name;
}