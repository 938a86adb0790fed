using System.Text.Json;

using DockerOpt.Core.BuildContext;

namespace DockerOpt.Transforms.Layers;

/// <summary>
/// Whether a project uses Yarn 1 (classic) or Yarn 2+ (berry): berry has a <c>.yarnrc.yml</c>, or names
/// <c>yarn@2+</c> in package.json's <c>packageManager</c>. Unknown when there is no build context to look at and the
/// Dockerfile switches Yarn versions itself (corepack, <c>yarn set version</c>).
/// </summary>
internal enum YarnFlavour
{
    Classic,
    Berry,
    Unknown,
}

/// <summary>Detects the <see cref="YarnFlavour"/> of a build context.</summary>
internal static class YarnFlavours
{
    public static YarnFlavour Detect(IBuildContext context, string dockerfileText)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(dockerfileText);
        if (dockerfileText.Contains("yarn set version", StringComparison.Ordinal) || dockerfileText.Contains(".yarnrc.yml", StringComparison.Ordinal))
        {
            return YarnFlavour.Berry;
        }

        if (!context.IsKnown)
        {
            return dockerfileText.Contains("corepack", StringComparison.Ordinal) ? YarnFlavour.Unknown : YarnFlavour.Classic;
        }

        if (context.FileExists(".yarnrc.yml"))
        {
            return YarnFlavour.Berry;
        }

        var manager = PackageManagerField(context.ReadText("package.json"));
        if (manager is not null && manager.StartsWith("yarn@", StringComparison.Ordinal))
        {
            var major = manager["yarn@".Length..].Split('.')[0];
            return major is "1" ? YarnFlavour.Classic : YarnFlavour.Berry;
        }

        return YarnFlavour.Classic;
    }

    /// <summary>package.json's <c>packageManager</c> field, or null.</summary>
    public static string? PackageManagerField(string? packageJson)
    {
        if (packageJson is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(packageJson);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("packageManager", out var field) && field.ValueKind == JsonValueKind.String
                ? field.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}