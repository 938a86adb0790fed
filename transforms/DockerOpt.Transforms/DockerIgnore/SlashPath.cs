using System.Text;

namespace DockerOpt.Transforms.DockerIgnore;

/// <summary>
/// Go's <c>path.Clean</c> for slash-separated paths, which Docker applies to every .dockerignore pattern and to every
/// path it matches: repeated slashes collapse, <c>.</c> elements vanish, <c>..</c> eats the element before it, a
/// trailing slash goes, and an empty result is <c>.</c>.
/// </summary>
public static class SlashPath
{
    public static string Clean(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0)
        {
            return ".";
        }

        var rooted = path[0] == '/';
        var parts = new List<string>();
        foreach (var element in path.Split('/'))
        {
            if (element.Length == 0 || element == ".")
            {
                continue;
            }

            if (element == "..")
            {
                if (parts.Count > 0 && parts[^1] != "..")
                {
                    parts.RemoveAt(parts.Count - 1);
                }
                else if (!rooted)
                {
                    // Above a relative start there is nothing to eat: Go keeps the "..".
                    parts.Add(element);
                }

                continue;
            }

            parts.Add(element);
        }

        var builder = new StringBuilder(path.Length);
        if (rooted)
        {
            builder.Append('/');
        }

        builder.AppendJoin('/', parts);
        return builder.Length == 0 ? "." : builder.ToString();
    }

    /// <summary>Go's <c>path.Dir</c>: everything before the last slash, cleaned (<c>.</c> for a bare name).</summary>
    public static string Dir(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var slash = path.LastIndexOf('/');
        return Clean(slash < 0 ? string.Empty : path[..(slash + 1)]);
    }
}