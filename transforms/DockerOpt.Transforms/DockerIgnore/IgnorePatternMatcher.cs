using System.Collections.Immutable;

namespace DockerOpt.Transforms.DockerIgnore;

/// <summary>
/// A list of .dockerignore patterns evaluated as BuildKit evaluates them when it sends the build context: patterns
/// apply in order, the last one that matches a path (or one of its parent directories) decides, and an exception
/// (<c>!</c>) re-includes what an earlier pattern excluded — even inside an excluded directory, unlike .gitignore.
/// A port of moby/patternmatcher's <c>MatchesOrParentMatches</c>.
/// </summary>
public sealed class IgnorePatternMatcher
{
    public IgnorePatternMatcher(IEnumerable<IgnorePattern> patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        Patterns = [.. patterns];
    }

    public ImmutableArray<IgnorePattern> Patterns { get; }

    /// <summary>A matcher over pattern texts; null when Docker would reject one of them.</summary>
    public static IgnorePatternMatcher? TryCreate(IEnumerable<string> patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        var compiled = new List<IgnorePattern>();
        foreach (var text in patterns)
        {
            if (text.Trim().Length == 0)
            {
                continue;
            }

            var pattern = IgnorePattern.TryCreate(text);
            if (pattern is null)
            {
                return null;
            }

            compiled.Add(pattern);
        }

        return new IgnorePatternMatcher(compiled);
    }

    /// <summary>
    /// True when the context path (relative, slash-separated) is left out of the build context: it or one of its
    /// parent directories matches an exclusion and no later exception matches it. The root itself is never excluded.
    /// </summary>
    public bool IsExcluded(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var file = SlashPath.Clean(path);
        if (file == ".")
        {
            return false;
        }

        var parent = SlashPath.Dir(file);
        var parentDirs = parent.Split('/');
        var matched = false;
        foreach (var pattern in Patterns)
        {
            // An exclusion cannot change a path already excluded, an exception one not excluded yet.
            if (pattern.IsException != matched)
            {
                continue;
            }

            var match = pattern.Matches(file);
            if (!match && parent != ".")
            {
                for (var i = 0; i < parentDirs.Length && !match; i++)
                {
                    match = pattern.Matches(string.Join('/', parentDirs, 0, i + 1));
                }
            }

            if (match)
            {
                matched = !pattern.IsException;
            }
        }

        return matched;
    }
}