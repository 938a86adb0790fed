using System.Collections.Immutable;
using System.Text.Json;

namespace DockerOpt.Transforms.Manifests;

/// <summary>
/// What the passes read from a package.json: its scripts (lifecycle scripts run during an install and may read the
/// source), whether it is a workspace root, and where its build writes (with tsconfig.json's outDir).
/// </summary>
public sealed record PackageJson(ImmutableDictionary<string, string> Scripts, bool HasWorkspaces)
{
    // npm runs these during `npm install` / `npm ci` of the project itself.
    private static readonly ImmutableArray<string> InstallLifecycle = ["preinstall", "install", "postinstall", "prepublish", "preprepare", "prepare", "postprepare"];

    /// <summary>The package.json, or null when the text is not a JSON object.</summary>
    public static PackageJson? Parse(string? text)
    {
        if (text is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var scripts = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
            if (root.TryGetProperty("scripts", out var scriptObject) && scriptObject.ValueKind == JsonValueKind.Object)
            {
                foreach (var script in scriptObject.EnumerateObject())
                {
                    if (script.Value.ValueKind == JsonValueKind.String)
                    {
                        scripts[script.Name] = script.Value.GetString() ?? string.Empty;
                    }
                }
            }

            return new PackageJson(scripts.ToImmutable(), root.TryGetProperty("workspaces", out _));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The first lifecycle script an install of the project runs, or null.</summary>
    public string? InstallScript => InstallLifecycle.FirstOrDefault(Scripts.ContainsKey);

    /// <summary>
    /// The folder the build script writes, relative to the project: tsconfig's <c>outDir</c> for <c>tsc</c>, the
    /// bundler's default otherwise; null when it cannot be known.
    /// </summary>
    public string? BuildOutput(string? tsconfigText)
    {
        if (!Scripts.TryGetValue("build", out var build))
        {
            return null;
        }

        var words = build.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || build.Contains("&&", StringComparison.Ordinal) || build.Contains(';', StringComparison.Ordinal))
        {
            return null;
        }

        for (var i = 1; i < words.Length - 1; i++)
        {
            if (words[i] is "--outDir" or "--out-dir" or "--outdir")
            {
                return Clean(words[i + 1]);
            }
        }

        return words[0] switch
        {
            "tsc" => TsconfigOutDir(tsconfigText),
            "vite" or "webpack" or "rollup" or "parcel" => "dist",
            "react-scripts" => "build",
            _ => null,
        };
    }

    private static string? TsconfigOutDir(string? text)
    {
        if (text is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            return document.RootElement.TryGetProperty("compilerOptions", out var options)
                && options.TryGetProperty("outDir", out var outDir) && outDir.GetString() is { Length: > 0 } dir
                ? Clean(dir)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // "./dist/" → "dist"; a path that leaves the project or uses variables is not one we can copy.
    private static string? Clean(string path)
    {
        var cleaned = path.Trim('"', '\'');
        while (cleaned.StartsWith("./", StringComparison.Ordinal))
        {
            cleaned = cleaned[2..];
        }

        cleaned = cleaned.TrimEnd('/');
        return cleaned.Length == 0 || cleaned.StartsWith('/') || cleaned.StartsWith("..", StringComparison.Ordinal) || cleaned.Contains('$', StringComparison.Ordinal)
            ? null
            : cleaned;
    }
}