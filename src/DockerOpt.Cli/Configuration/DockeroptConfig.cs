using System.Collections.Immutable;
using System.Text;
using System.Text.Json;

using DockerOpt.Cli.Rendering;
using DockerOpt.Core.Passes;
using DockerOpt.Engine.Budget;
using DockerOpt.Syntax;

namespace DockerOpt.Cli.Configuration;

/// <summary>
/// What a <c>.dockeropt.yaml</c> says: which passes run and how boldly, base-image catalog overrides (an internal
/// registry mirror, extra catalog data) and the size budget defaults of <c>dockeropt budget</c>. Command-line
/// options win over it: <c>--level</c> replaces <see cref="Level"/>, <c>--only</c> replaces <see cref="Only"/>,
/// <c>--skip</c> adds to <see cref="Skip"/>.
/// </summary>
/// <param name="SourcePath">The file it was read from, or null when there is none.</param>
/// <param name="Level">The rewrite level, when set.</param>
/// <param name="Only">When not empty, only these pass ids run.</param>
/// <param name="Skip">These pass ids never run.</param>
/// <param name="MirrorPrefixes">Registry prefixes under which the official base images are also recognised (<c>mirror.example.com/dockerhub/</c>).</param>
/// <param name="CatalogFiles">Full paths of extra base-image catalog files (JSON, the shape of the shipped catalog), later ones winning.</param>
/// <param name="Budget">Size budget defaults.</param>
public sealed record DockeroptConfig(
    string? SourcePath,
    RewriteLevel? Level,
    ImmutableHashSet<string> Only,
    ImmutableHashSet<string> Skip,
    ImmutableArray<string> MirrorPrefixes,
    ImmutableArray<string> CatalogFiles,
    SizeBudget Budget)
{
    /// <summary>No file: every default.</summary>
    public static DockeroptConfig None { get; } = new(null, null, [], [], [], [], new SizeBudget());

    /// <summary>The file name looked for in the Dockerfile's directory and each parent.</summary>
    public const string FileName = ".dockeropt.yaml";

    /// <summary>Whether anything changes the shipped base-image catalog.</summary>
    public bool HasCatalogOverrides => !MirrorPrefixes.IsEmpty || !CatalogFiles.IsEmpty;

    /// <summary>
    /// The catalog overrides as JSON layers of the shipped catalog's shape (<c>{"mirrorPrefixes": [...]}</c>, then
    /// each catalog file's text), in the order they apply.
    /// </summary>
    public IEnumerable<string> CatalogLayers()
    {
        if (!MirrorPrefixes.IsEmpty)
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream))
            {
                writer.WriteStartObject();
                writer.WriteStringArray("mirrorPrefixes", MirrorPrefixes);
                writer.WriteEndObject();
            }

            yield return Encoding.UTF8.GetString(stream.ToArray());
        }

        foreach (var file in CatalogFiles)
        {
            yield return RegularFile.ReadAllText(file);
        }
    }
}