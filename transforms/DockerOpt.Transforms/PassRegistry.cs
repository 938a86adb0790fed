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
/// Every consumer (the CLI, verify, tests) builds its passes here from one <see cref="PassSettings"/>; nothing swaps a
/// pass afterwards.
/// </summary>
public static class PassRegistry
{
    /// <summary>Every pass with the shipped settings.</summary>
    public static ImmutableArray<IRewritePass> All { get; } = Build(PassSettings.Default);

    /// <summary>
    /// Every pass, in order, configured by <paramref name="settings"/>. The shipped settings give the one shared
    /// <see cref="All"/> (passes hold no state between runs), so a file without configuration builds nothing.
    /// </summary>
    public static ImmutableArray<IRewritePass> Create(PassSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return ReferenceEquals(settings, PassSettings.Default) ? All : Build(settings);
    }

    private static ImmutableArray<IRewritePass> Build(PassSettings settings) =>
        [
            new MultiStagePass(),
            new BaseImagePass(settings.Catalog),
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