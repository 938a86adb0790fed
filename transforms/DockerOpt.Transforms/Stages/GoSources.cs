using System.Collections.Immutable;
using System.Text.RegularExpressions;

using DockerOpt.Core.BuildContext;

namespace DockerOpt.Transforms.Stages;

/// <summary>
/// What the Go sources of a build context say about cgo: a file with <c>import "C"</c> (alone or in an import block)
/// needs a C compiler and libc, so its binary cannot be static. Tests and testdata are not built into the binary.
/// </summary>
public static partial class GoSources
{
    // A context with more Go files than this is read no further (and counts as using cgo: nothing is assumed).
    private const int MaxFiles = 5000;

    private static readonly ImmutableHashSet<string> SkippedFolders = [".git", "testdata", "node_modules"];

    /// <summary>The first Go file (path in the context) that imports "C"; null when none does.</summary>
    public static string? ImportingC(IBuildContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var read = 0;
        foreach (var (folder, name, path) in ContextFiles.Walk(context, SkippedFolders))
        {
            if (!name.EndsWith(".go", StringComparison.Ordinal) || name.EndsWith("_test.go", StringComparison.Ordinal))
            {
                continue;
            }

            if (++read > MaxFiles)
            {
                return $"{folder}/ (more than {MaxFiles} Go files, not all read)";
            }

            if (ImportC().IsMatch(context.ReadText(path) ?? string.Empty))
            {
                return path;
            }
        }

        return null;
    }

    [GeneratedRegex(@"^\s*(?:import\s+(?:\(\s*)?)?""C""\s*\)?\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex ImportC();
}