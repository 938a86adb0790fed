using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

using DockerOpt.Core.BuildContext;

namespace DockerOpt.Transforms.DockerIgnore;

/// <summary>
/// Expands a COPY source with wildcards against the build context, one path segment at a time (<c>*</c> and
/// <c>?</c> never cross a slash, as in Go's filepath.Match that COPY uses). Capped, because the check it feeds only
/// needs to find one conflict.
/// </summary>
public static class ContextGlob
{
    private const int MaxMatches = 500;

    public static IReadOnlyList<string> Expand(IBuildContext context, string glob)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(glob);
        // A build context is a snapshot for a run: each glob is expanded once per context, not once per Dockerfile that
        // shares the context (every file of a folder of 595 checked every other file's globs: minutes of lint, issue 10).
        var expanded = PerContext.GetValue(context, static _ => new ConcurrentDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal));
        return expanded.GetOrAdd(glob, g => Walk(context, g));
    }

    private static readonly ConditionalWeakTable<IBuildContext, ConcurrentDictionary<string, IReadOnlyList<string>>> PerContext = [];

    private static List<string> Walk(IBuildContext context, string glob)
    {
        var current = new List<string> { string.Empty };
        foreach (var segment in glob.Split('/'))
        {
            var next = new List<string>();
            var wildcard = segment.IndexOfAny(['*', '?', '[']) >= 0;
            var matcher = wildcard ? IgnorePattern.TryCreate(segment) : null;
            foreach (var directory in current)
            {
                if (!wildcard)
                {
                    var path = Join(directory, segment);
                    if (context.FileExists(path) || context.DirectoryExists(path))
                    {
                        next.Add(path);
                    }

                    continue;
                }

                if (matcher is null)
                {
                    return [];
                }

                next.AddRange(context.ListDirectory(directory).Where(matcher.Matches).Select(name => Join(directory, name)));
                if (next.Count > MaxMatches)
                {
                    return next;
                }
            }

            current = next;
        }

        return current;
    }

    private static string Join(string directory, string name) => directory.Length == 0 ? name : directory + "/" + name;
}