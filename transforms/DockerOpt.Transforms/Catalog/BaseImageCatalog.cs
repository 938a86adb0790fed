using System.Collections.Immutable;
using System.Text.Json;

using DockerOpt.Core.Passes;

namespace DockerOpt.Transforms.Catalog;

/// <summary>
/// The base-image ladders, read from data: the embedded <c>base-images.json</c>, optionally with more layers of the
/// same shape on top (a later layer replaces a family with the same repository, adds new ones, and adds mirror
/// prefixes such as <c>mirror.example.com/dockerhub/</c> under which the official images are also recognised).
/// Read with <see cref="JsonDocument"/> (no reflection), so it works in a trimmed, AOT-compiled tool.
/// </summary>
public sealed class BaseImageCatalog
{
    private const string ResourceName = "DockerOpt.Transforms.Catalog.base-images.json";

    private static readonly Lazy<BaseImageCatalog> DefaultCatalog = new(() => Load([ReadEmbedded()]));

    private BaseImageCatalog(ImmutableArray<string> mirrorPrefixes, ImmutableArray<ImageFamily> families)
    {
        MirrorPrefixes = mirrorPrefixes;
        Families = families;
    }

    /// <summary>The catalog shipped with dockeropt.</summary>
    public static BaseImageCatalog Default => DefaultCatalog.Value;

    /// <summary>Prefixes stripped before a path is compared with a family's repository, longest first.</summary>
    public ImmutableArray<string> MirrorPrefixes { get; }

    public ImmutableArray<ImageFamily> Families { get; }

    /// <summary>The shipped catalog with more layers on top (each a JSON text of the same shape).</summary>
    public static BaseImageCatalog WithOverrides(IEnumerable<string> layers) => Load([ReadEmbedded(), .. layers]);

    /// <summary>A catalog from JSON layers, later layers winning.</summary>
    public static BaseImageCatalog Load(IEnumerable<string> layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        var prefixes = new List<string>();
        var families = new List<ImageFamily>();
        foreach (var layer in layers)
        {
            using var document = JsonDocument.Parse(layer, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var root = document.RootElement;
            if (root.TryGetProperty("mirrorPrefixes", out var mirrors))
            {
                prefixes.AddRange(Strings(mirrors).Where(p => !prefixes.Contains(p)));
            }

            if (root.TryGetProperty("families", out var familyArray))
            {
                foreach (var element in familyArray.EnumerateArray())
                {
                    var family = ReadFamily(element);
                    families.RemoveAll(f => f.Repository == family.Repository);
                    families.Add(family);
                }
            }
        }

        return new BaseImageCatalog([.. prefixes.OrderByDescending(p => p.Length)], [.. families]);
    }

    /// <summary>
    /// The family an image path belongs to: the path itself or the path under a known mirror prefix must be the
    /// family's repository. Images from other registries or namespaces are not the official ones: null.
    /// </summary>
    public ImageFamily? FindFamily(string imagePath)
    {
        ArgumentNullException.ThrowIfNull(imagePath);
        var path = imagePath.ToLowerInvariant();
        foreach (var prefix in MirrorPrefixes)
        {
            if (path.StartsWith(prefix, StringComparison.Ordinal))
            {
                path = path[prefix.Length..];
                break;
            }
        }

        return Families.FirstOrDefault(f => f.Repository == path);
    }

    private static ImageFamily ReadFamily(JsonElement element)
    {
        var repository = element.GetProperty("repository").GetString() ?? throw new FormatException("a family needs a repository");
        var ecosystem = element.TryGetProperty("ecosystem", out var eco) && eco.ValueKind == JsonValueKind.String ? eco.GetString() : null;
        var placeholders = new Dictionary<string, string>(StringComparer.Ordinal);
        if (element.TryGetProperty("placeholders", out var placeholderObject))
        {
            foreach (var property in placeholderObject.EnumerateObject())
            {
                placeholders[property.Name] = property.Value.GetString() ?? string.Empty;
            }
        }

        var variants = element.GetProperty("variants").EnumerateArray().Select(v => new ImageVariant(
            v.GetProperty("name").GetString() ?? string.Empty,
            v.TryGetProperty("level", out var level) && level.GetString() == "aggressive" ? RewriteLevel.Aggressive : RewriteLevel.Safe,
            [.. Strings(v.GetProperty("tags")).Select(t => new TagTemplate(t, placeholders))],
            v.TryGetProperty("requires", out var requires) ? [.. Strings(requires)] : []));

        return new ImageFamily(
            repository,
            ecosystem,
            element.TryGetProperty("keep", out var keep) ? [.. Strings(keep)] : [],
            element.TryGetProperty("fullOnlyTools", out var tools) ? [.. Strings(tools)] : [],
            [.. variants]);
    }

    private static IEnumerable<string> Strings(JsonElement array) =>
        array.EnumerateArray().Select(e => e.GetString()).OfType<string>();

    private static string ReadEmbedded()
    {
        using var stream = typeof(BaseImageCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the embedded catalog {ResourceName} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}