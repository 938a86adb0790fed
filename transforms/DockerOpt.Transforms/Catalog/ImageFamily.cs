using System.Collections.Immutable;

namespace DockerOpt.Transforms.Catalog;

/// <summary>
/// The official images of one repository (<c>node</c>, <c>python</c>) as a ladder of variants, smallest last, with the
/// tools that only the first (full) variant ships.
/// </summary>
/// <param name="Repository">The repository name without registry or <c>library/</c> (<c>node</c>).</param>
/// <param name="EcosystemId">The ecosystem of <see cref="Ecosystems.EcosystemTable"/> it serves, or null for a plain OS image.</param>
/// <param name="Keep">Placeholders a swap must carry over (the version).</param>
/// <param name="FullOnlyTools">Programs the full variant has and the smaller ones lack.</param>
/// <param name="Variants">The ladder, in order.</param>
public sealed record ImageFamily(
    string Repository,
    string? EcosystemId,
    ImmutableArray<string> Keep,
    ImmutableArray<string> FullOnlyTools,
    ImmutableArray<ImageVariant> Variants)
{
    /// <summary>The variant a tag belongs to and its placeholder values, or null for a tag the catalog does not know.</summary>
    public (int Index, ImmutableDictionary<string, string> Values)? Classify(string tag)
    {
        for (var i = 0; i < Variants.Length; i++)
        {
            if (Variants[i].Match(tag) is { } match)
            {
                return (i, match.Values);
            }
        }

        return null;
    }

    public override string ToString() => Repository;
}