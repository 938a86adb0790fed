using System.Collections.Immutable;

namespace DockerOpt.Transforms.Ecosystems;

/// <summary>
/// The ecosystems a Dockerfile (or one stage) shows, with the evidence, strongest first. Several at once is normal
/// (a Python app that builds its front end with npm); <see cref="Primary"/> is the one with the most evidence.
/// </summary>
public sealed record EcosystemDetection(ImmutableArray<EcosystemEvidence> Evidence)
{
    public static EcosystemDetection None { get; } = new([]);

    /// <summary>The ecosystems found, by total evidence weight, ties broken by <see cref="EcosystemTable.All"/> order.</summary>
    public ImmutableArray<Ecosystem> Ecosystems { get; } =
    [
        .. Evidence
            .GroupBy(e => e.Ecosystem)
            .OrderByDescending(g => g.Sum(e => e.Weight))
            .ThenBy(g => EcosystemTable.All.IndexOf(g.Key))
            .Select(g => g.Key),
    ];

    public Ecosystem? Primary => Ecosystems.IsEmpty ? null : Ecosystems[0];

    public bool Has(Ecosystem ecosystem) => Ecosystems.Contains(ecosystem);

    /// <summary>The evidence for one ecosystem, in the order it was found.</summary>
    public IEnumerable<EcosystemEvidence> For(Ecosystem ecosystem) => Evidence.Where(e => e.Ecosystem == ecosystem);
}