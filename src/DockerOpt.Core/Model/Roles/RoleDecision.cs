using System.Collections.Immutable;

namespace DockerOpt.Core.Model.Roles;

/// <summary>
/// The role of the image a Dockerfile ships (its final stage) and why: the evidence that decided it, first the
/// pieces that point to the chosen role. Set by the user (<c>--role</c>, <c>role:</c> in .dockeropt.yaml), the
/// override is the whole reason.
/// </summary>
/// <param name="Role">The role passes act on.</param>
/// <param name="Evidence">What it was decided from; the deciding pieces first.</param>
/// <param name="OverriddenBy">Where the user set it ("--role app", ".dockeropt.yaml"), or null when detected.</param>
public sealed record RoleDecision(ImageRole Role, ImmutableArray<RoleEvidence> Evidence, string? OverriddenBy = null)
{
    /// <summary>A role the user set.</summary>
    public static RoleDecision Overridden(ImageRole role, string source) => new(role, [new RoleEvidence(role, $"set by {source}")], source);

    /// <summary>True for a leaf app, the only role whose runtime behaviour a rewrite may change.</summary>
    public bool IsLeafApp => Role == ImageRole.LeafApp;

    /// <summary>The deciding evidence, at most three pieces, as one parenthesis-free clause list.</summary>
    public string Why => string.Join("; ", Evidence.Where(e => e.PointsTo == Role).Take(3).Select(e => e.ToString()));

    /// <summary>One line for reports: <c>base image (no CMD/ENTRYPOINT; versioned layout 3.12/bookworm/)</c>.</summary>
    public string Describe() => Why.Length == 0 ? ImageRoles.Describe(Role) : $"{ImageRoles.Describe(Role)} ({Why})";
}