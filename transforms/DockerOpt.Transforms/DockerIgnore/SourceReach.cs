namespace DockerOpt.Transforms.DockerIgnore;

/// <summary>
/// Whether an ignore pattern keeps out anything a build would send: BuildKit transfers only what the COPY/ADD and
/// bind-mount sources name, so an entry matters only when some source includes a path it matches. <c>COPY . .</c>
/// includes everything; <c>COPY src/ ./src</c> only what lies below src/, where a root-anchored <c>.env</c> or
/// <c>.git</c> matches nothing. A context whose Dockerfiles all name explicit subpaths needs no generic block.
/// </summary>
public static class SourceReach
{
    /// <summary>True when a source copies the whole context or includes a path of <paramref name="tree"/> the pattern keeps out.</summary>
    public static bool Reaches(IgnorePattern pattern, IEnumerable<ContextSource> sources, ContextTree tree)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(tree);
        var matcher = new IgnorePatternMatcher([pattern]);
        foreach (var source in sources)
        {
            if (source.Path is null || source.Path == "." || !tree.IsComplete)
            {
                return true;
            }

            var glob = source.IsGlob ? IgnorePattern.TryCreate(source.Path) : null;
            var root = source.Path.TrimEnd('/');
            foreach (var entry in tree.Entries)
            {
                if (Includes(root, glob, entry.Path) && matcher.IsExcluded(entry.Path))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // The entry is the source or lies below it; for a wildcard source, the entry or a folder above it matches it.
    private static bool Includes(string root, IgnorePattern? glob, string path)
    {
        if (glob is null)
        {
            return path == root || path.StartsWith(root + "/", StringComparison.Ordinal);
        }

        for (var prefix = path; prefix.Length > 0; prefix = prefix.LastIndexOf('/') is var slash and > 0 ? prefix[..slash] : string.Empty)
        {
            if (glob.Matches(prefix))
            {
                return true;
            }
        }

        return false;
    }
}