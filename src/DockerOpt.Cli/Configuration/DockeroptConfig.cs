using System.Collections.Immutable;
using System.IO.Enumeration;
using System.Text;
using System.Text.Json;

using DockerOpt.Cli.Rendering;
using DockerOpt.Core.Model.Roles;
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

    /// <summary>The role every Dockerfile under this file is (<c>role: app</c>), or null to detect it.</summary>
    public ImageRole? Role { get; init; }

    /// <summary>Roles by path glob (<c>roles: {"ci/*": builder}</c>), relative to the file's folder; the first match wins over <see cref="Role"/>.</summary>
    public ImmutableArray<RoleGlob> Roles { get; init; } = [];

    /// <summary>The role this configuration sets for the Dockerfile at <paramref name="dockerfileFullPath"/>, with where it says so; or null.</summary>
    public RoleOverride? RoleFor(string dockerfileFullPath)
    {
        ArgumentNullException.ThrowIfNull(dockerfileFullPath);
        var source = SourcePath is null ? FileName : Path.GetFileName(SourcePath);
        if (!Roles.IsEmpty && SourcePath is not null)
        {
            var relative = Path.GetRelativePath(Path.GetDirectoryName(SourcePath)!, dockerfileFullPath).Replace('\\', '/');
            foreach (var glob in Roles)
            {
                if (FileSystemName.MatchesSimpleExpression(glob.Pattern, relative, ignoreCase: false))
                {
                    return new RoleOverride(glob.Role, $"{source} (roles: '{glob.Pattern}': {glob.Name})");
                }
            }
        }

        return Role is { } role ? new RoleOverride(role, $"{source} (role: {ImageRoles.Names.First(n => n.Role == role).Name})") : null;
    }

    /// <summary>The <c>verify:</c> section: checks by path glob (relative to the file's folder); the first match applies.</summary>
    public ImmutableArray<VerifyGlob> Verify { get; init; } = [];

    /// <summary>The checks the <c>verify:</c> section gives the Dockerfile at <paramref name="dockerfileFullPath"/>; none when no glob matches.</summary>
    public VerifyChecks VerifyChecksFor(string dockerfileFullPath)
    {
        ArgumentNullException.ThrowIfNull(dockerfileFullPath);
        if (Verify.IsEmpty || SourcePath is null)
        {
            return VerifyChecks.None;
        }

        var relative = Path.GetRelativePath(Path.GetDirectoryName(SourcePath)!, dockerfileFullPath).Replace('\\', '/');
        return Verify.FirstOrDefault(glob => FileSystemName.MatchesSimpleExpression(glob.Pattern, relative, ignoreCase: false))?.Checks ?? VerifyChecks.None;
    }

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