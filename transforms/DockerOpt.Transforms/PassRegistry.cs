using System.Collections.Immutable;

using DockerOpt.Core.Passes;
using DockerOpt.Core.Rewriting;
using DockerOpt.Transforms.Passes;

namespace DockerOpt.Transforms;

/// <summary>
/// Every pass, in the order the rewriter runs them. Explicit on purpose (no reflection): the order is part of the
/// design. Structure first (stages, bases, manifests), then layers (cleanup folded, RUNs merged before cache mounts
/// because RUNs with different mounts never merge, hygiene after cache mounts because a mount replaces the cleanup
/// it makes unnecessary), then the runtime user and exec form, and the .dockerignore last so it sees every COPY.
/// </summary>
public static class PassRegistry
{
    public static ImmutableArray<IRewritePass> All { get; } =
    [
        new MultiStagePass(),
        new BaseImagePass(),
        new ManifestsFirstPass(),
        new SameLayerCleanupPass(),
        new MergeRunPass(),
        new CacheMountsPass(),
        new PackageHygienePass(),
        new NonRootUserPass(),
        new NodeRuntimePass(),
        new ExecFormPass(),
        new DockerIgnorePass(),
    ];

    /// <summary>The pass with this id, or null.</summary>
    public static IRewritePass? Find(string id) => All.FirstOrDefault(p => string.Equals(p.Info.Id, id, StringComparison.Ordinal));

    /// <summary>A rewriter over every registered pass.</summary>
    public static Rewriter CreateRewriter() => new(All);
}