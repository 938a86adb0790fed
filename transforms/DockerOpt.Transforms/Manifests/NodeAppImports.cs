using System.Collections.Immutable;
using System.Text.RegularExpressions;

using DockerOpt.Core.BuildContext;

namespace DockerOpt.Transforms.Manifests;

/// <summary>
/// The npm packages a Node app's own code loads (<c>require('x')</c>, <c>import ... from 'x'</c>, <c>import('x')</c>,
/// <c>export ... from 'x'</c>), read from the JavaScript and TypeScript files of the build context. Tests, tool
/// configuration and dependency folders are not the app: <c>test/</c> may load supertest and
/// <c>eslint.config.js</c> eslint without the running app needing either. Only literal names are seen; a
/// computed <c>require(name)</c> is not, which is why a finding that relies on this says what it read.
/// </summary>
/// <param name="Loads">Each package load by literal name, with the file it is in.</param>
/// <param name="FilesRead">How many app source files were read.</param>
/// <param name="Truncated">True when the context had more source files than are read.</param>
/// <param name="ReadsNpmVariables">The first file that reads npm's own variables (npm_package_*, npm_config_*, npm_lifecycle_*), which only npm run sets.</param>
public sealed partial record NodeAppImports(ImmutableArray<(string File, string Package)> Loads, int FilesRead, bool Truncated, string? ReadsNpmVariables)
{
    // Enough for any service; a context with more files is a monorepo or a vendored tree, read no further.
    private const int MaxFiles = 2000;

    private static readonly ImmutableHashSet<string> SourceExtensions = [".js", ".cjs", ".mjs", ".jsx", ".ts", ".cts", ".mts", ".tsx"];

    // Folders that hold no code the running app loads: dependencies, tests, build output of tools, version control.
    private static readonly ImmutableHashSet<string> SkippedFolders =
    [
        "node_modules", ".git", "test", "tests", "__tests__", "__mocks__", "spec", "e2e", "cypress", "coverage",
        ".github", ".husky", ".vscode", ".idea", "docs", "examples", "fixtures", "benchmarks", "bench", "stories", ".storybook",
    ];

    /// <summary>Reads every app source file of the context (see the type's remarks).</summary>
    public static NodeAppImports Read(IBuildContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var loads = ImmutableArray.CreateBuilder<(string, string)>();
        var read = 0;
        string? npmVariables = null;
        foreach (var (_, name, path) in ContextFiles.Walk(context, SkippedFolders))
        {
            if (!IsAppSource(name))
            {
                continue;
            }

            if (read == MaxFiles)
            {
                return new NodeAppImports(loads.ToImmutable(), read, true, npmVariables);
            }

            read++;
            var source = context.ReadText(path) ?? string.Empty;
            if (npmVariables is null && NpmVariablePattern().IsMatch(source))
            {
                npmVariables = path;
            }

            foreach (var package in PackagesIn(source))
            {
                loads.Add((path, package));
            }
        }

        return new NodeAppImports(loads.ToImmutable(), read, false, npmVariables);
    }

    /// <summary>The loads of packages in <paramref name="names"/>, one per package (its first file), in file order.</summary>
    public ImmutableArray<(string File, string Package)> Of(IReadOnlySet<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return [.. Loads.Where(l => names.Contains(l.Package)).DistinctBy(l => l.Package, StringComparer.Ordinal).OrderBy(l => l.File, StringComparer.Ordinal)];
    }

    /// <summary>Package names a source text loads by literal name (node: built-ins and relative paths left out).</summary>
    public static IEnumerable<string> PackagesIn(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        foreach (Match match in LoadPattern().Matches(source))
        {
            var specifier = match.Groups["name"].Value;
            if (PackageName(specifier) is { } package)
            {
                yield return package;
            }
        }
    }

    // 'express' → express, 'lodash/fp' → lodash, '@scope/pkg/sub' → @scope/pkg; relative, absolute and node: are not packages.
    private static string? PackageName(string specifier)
    {
        if (specifier.Length == 0 || specifier[0] is '.' or '/' || specifier.Contains(':', StringComparison.Ordinal))
        {
            return null;
        }

        var parts = specifier.Split('/');
        return specifier[0] == '@' ? (parts.Length >= 2 ? parts[0] + "/" + parts[1] : null) : parts[0];
    }

    // Code files only; tests (*.test.js, *.spec.ts) and tool configuration (*.config.js, .eslintrc.js, Gruntfile.js) are not the app.
    private static bool IsAppSource(string name)
    {
        var dot = name.LastIndexOf('.');
        if (dot <= 0 || !SourceExtensions.Contains(name[dot..]) || name.EndsWith(".d.ts", StringComparison.Ordinal))
        {
            return false;
        }

        var stem = name[..dot];
        return !(stem.EndsWith(".test", StringComparison.Ordinal) || stem.EndsWith(".spec", StringComparison.Ordinal)
            || stem.EndsWith(".config", StringComparison.Ordinal) || stem.StartsWith('.')
            || stem is "Gruntfile" or "gulpfile" or "Jakefile");
    }

    [GeneratedRegex("""(?:\brequire(?:\.resolve)?\s*\(\s*|\bimport\s*\(\s*|\bfrom\s+|\bimport\s+)(?<q>['"`])(?<name>[^'"`\s]+)\k<q>""", RegexOptions.CultureInvariant)]
    private static partial Regex LoadPattern();

    [GeneratedRegex(@"\bnpm_(?:package|config|lifecycle)_", RegexOptions.CultureInvariant)]
    private static partial Regex NpmVariablePattern();
}