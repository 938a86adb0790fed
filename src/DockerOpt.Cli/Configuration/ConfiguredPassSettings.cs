using System.Text.Json;

using DockerOpt.Cli.CommandLine;
using DockerOpt.Transforms;
using DockerOpt.Transforms.Catalog;

namespace DockerOpt.Cli.Configuration;

/// <summary>
/// The pass settings a configuration asks for: the shipped catalog with the configured mirror prefixes and catalog
/// files layered on top (later layers win). <see cref="Transforms.PassRegistry.Create"/> builds the passes from them.
/// </summary>
public static class ConfiguredPassSettings
{
    public static PassSettings For(DockeroptConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (!config.HasCatalogOverrides)
        {
            return PassSettings.Default;
        }

        try
        {
            return new PassSettings { Catalog = BaseImageCatalog.WithOverrides(config.CatalogLayers()) };
        }
        catch (Exception ex) when (ex is JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            // The file parsed as JSON when the configuration was read; here its shape did not match the catalog's.
            throw new UserInputException($"{config.SourcePath}: baseImages.catalog does not have the shape of the shipped catalog: {ex.Message}", ex);
        }
    }
}