using System.Collections.Immutable;
using System.Text.Json;

using DockerOpt.Cli.CommandLine;
using DockerOpt.Core.Passes;
using DockerOpt.Transforms.Catalog;
using DockerOpt.Transforms.Passes;

namespace DockerOpt.Cli.Configuration;

/// <summary>
/// Gives the base-image pass the catalog a configuration asks for: the shipped catalog with the configured
/// mirror prefixes and catalog files layered on top (later layers win). The other passes are used as they are.
/// </summary>
public static class CatalogOverrides
{
    public static ImmutableArray<IRewritePass> Apply(ImmutableArray<IRewritePass> passes, DockeroptConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (!config.HasCatalogOverrides)
        {
            return passes;
        }

        BaseImageCatalog catalog;
        try
        {
            catalog = BaseImageCatalog.WithOverrides(config.CatalogLayers());
        }
        catch (Exception ex) when (ex is JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            // The file parsed as JSON when the configuration was read; here its shape did not match the catalog's.
            throw new UserInputException($"{config.SourcePath}: baseImages.catalog does not have the shape of the shipped catalog: {ex.Message}", ex);
        }

        return [.. passes.Select(p => string.Equals(p.Info.Id, BaseImagePass.Id, StringComparison.Ordinal) ? new BaseImagePass(catalog) : p)];
    }
}