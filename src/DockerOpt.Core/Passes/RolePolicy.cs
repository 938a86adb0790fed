namespace DockerOpt.Core.Passes;

/// <summary>
/// Which images a pass may change (see <see cref="Model.Roles.ImageRole"/>). A pass whose changes alter what the
/// shipped image does at run time acts only on leaf apps: the rewriter declines it elsewhere, naming the role. A pass
/// whose changes keep the image's content (layers, cache) acts on every role; <see cref="Why"/> says which and why,
/// for <c>dockeropt explain</c>.
/// </summary>
/// <param name="LeafAppsOnly">True when the rewriter runs the pass only on leaf apps.</param>
/// <param name="Why">One sentence for <c>dockeropt explain</c>.</param>
public sealed record RolePolicy(bool LeafAppsOnly, string Why)
{
    /// <summary>Runs on leaf apps only.</summary>
    public static RolePolicy LeafApps(string why) => new(true, why);

    /// <summary>Runs on every role.</summary>
    public static RolePolicy Everywhere(string why) => new(false, why);
}