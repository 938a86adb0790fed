using System.Collections.Immutable;

namespace DockerOpt.Core.Passes;

/// <summary>
/// What a pass is: a stable kebab-case id users name in --only/--skip and pragmas, a title, a summary
/// that states its exclusions (the way hadolint's rules do), its safety and category, a before/after
/// example for `dockeropt explain`, and the hadolint rules whose meaning it shares.
/// </summary>
public sealed record PassInfo(
    string Id,
    string Title,
    string Summary,
    PassCategory Category,
    PassSafety Safety,
    ImmutableArray<string> Exclusions,
    string ExampleBefore,
    string ExampleAfter,
    ImmutableArray<string> HadolintIds)
{
    /// <summary>Which image roles the pass changes; by default every role (its changes keep what the image does).</summary>
    public RolePolicy Roles { get; init; } = RolePolicy.Everywhere("its changes keep what the image does, so it applies to every kind of image");

    /// <summary>
    /// The pass judges by text that later passes may still add to (merge-run weighs the cleanups package-hygiene
    /// appends after it ran). When a later pass changed the text, the rewriter runs it once more at the end and adds
    /// what that run applies, so a second rewrite finds nothing left to do.
    /// </summary>
    public bool RunsAgainAfterLaterEdits { get; init; }
}