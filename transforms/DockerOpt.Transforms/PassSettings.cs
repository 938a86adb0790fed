using DockerOpt.Transforms.Catalog;

namespace DockerOpt.Transforms;

/// <summary>
/// What configures the passes, given once to <see cref="PassRegistry.Create"/>: today the base-image catalog (the
/// shipped one, or the shipped one with a configuration's mirror prefixes and catalog files layered on top).
/// Per-file choices (level, role, skipped passes) are not here: they travel with each rewrite as its options.
/// </summary>
public sealed record PassSettings
{
    /// <summary>The shipped defaults.</summary>
    public static PassSettings Default { get; } = new();

    /// <summary>The catalog the base-image pass walks down.</summary>
    public BaseImageCatalog Catalog { get; init; } = BaseImageCatalog.Default;
}