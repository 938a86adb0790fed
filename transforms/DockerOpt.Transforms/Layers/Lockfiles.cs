using System.Text.Json;

using DockerOpt.Core.BuildContext;
using DockerOpt.Core.Model;
using DockerOpt.Syntax;

namespace DockerOpt.Transforms.Layers;

/// <summary>
/// Whether a lockfile from the build context reaches the image before a RUN: some COPY/ADD of the stage (not
/// <c>--from</c>) before it names the file, a glob that matches it (<c>package*.json</c>), or a directory holding it
/// (<c>.</c>, <c>app/</c>).
/// </summary>
internal static class Lockfiles
{
    public static bool IsCopiedBefore(StageModel stage, InstructionSyntax run, IBuildContext context, string fileName)
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(context);
        foreach (var instruction in stage.Before(run))
        {
            if (instruction.Kind is not (InstructionKind.Copy or InstructionKind.Add) || instruction.GetFlag("from") is not null)
            {
                continue;
            }

            var words = instruction.Arguments switch
            {
                WordArguments w => w.Words.Select(t => t.Value).ToList(),
                ExecFormArguments e => [.. e.Values],
                _ => [],
            };
            foreach (var source in words.Take(Math.Max(0, words.Count - 1)))
            {
                if (Names(source, fileName, context))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The names of the <c>devDependencies</c> in package.json, or an empty set.</summary>
    public static HashSet<string> DevDependencies(string? packageJson) => ObjectKeys(packageJson, "devDependencies");

    /// <summary>package.json's scripts by name.</summary>
    public static Dictionary<string, string> Scripts(string? packageJson)
    {
        var scripts = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Parse(packageJson) is not { } document)
        {
            return scripts;
        }

        using (document)
        {
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("scripts", out var element) && element.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Value.ValueKind == JsonValueKind.String)
                    {
                        scripts[property.Name] = property.Value.GetString() ?? string.Empty;
                    }
                }
            }
        }

        return scripts;
    }

    private static HashSet<string> ObjectKeys(string? json, string name)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        if (Parse(json) is not { } document)
        {
            return keys;
        }

        using (document)
        {
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(name, out var element) && element.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in element.EnumerateObject())
                {
                    keys.Add(property.Name);
                }
            }
        }

        return keys;
    }

    private static JsonDocument? Parse(string? json)
    {
        if (json is null)
        {
            return null;
        }

        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool Names(string source, string fileName, IBuildContext context)
    {
        if (source.StartsWith("--", StringComparison.Ordinal) || source.Contains('$', StringComparison.Ordinal) || source.Contains("://", StringComparison.Ordinal))
        {
            return false;
        }

        var path = source.Replace('\\', '/');
        while (path.StartsWith("./", StringComparison.Ordinal))
        {
            path = path[2..];
        }

        path = path.TrimStart('/').TrimEnd('/');
        if (path is "" or ".")
        {
            return context.FileExists(fileName);
        }

        if (path.IndexOfAny(['*', '?', '[']) >= 0)
        {
            var slash = path.LastIndexOf('/');
            var directory = slash < 0 ? string.Empty : path[..slash];
            var pattern = path[(slash + 1)..];
            return directory.IndexOfAny(['*', '?', '[']) < 0 && Glob(pattern, fileName)
                && context.FileExists(directory.Length == 0 ? fileName : directory + "/" + fileName);
        }

        if (path == fileName || path.EndsWith("/" + fileName, StringComparison.Ordinal))
        {
            return context.FileExists(path);
        }

        return context.DirectoryExists(path) && context.FileExists(path + "/" + fileName);
    }

    // Docker's path.Match for one segment: *, ? and [...] classes (enough for package*.json, *.lock).
    private static bool Glob(string pattern, string name)
    {
        if (pattern.Length == 0)
        {
            return name.Length == 0;
        }

        switch (pattern[0])
        {
            case '*':
                for (var i = 0; i <= name.Length; i++)
                {
                    if (Glob(pattern[1..], name[i..]))
                    {
                        return true;
                    }
                }

                return false;
            case '?':
                return name.Length > 0 && Glob(pattern[1..], name[1..]);
            case '[':
                var close = pattern.IndexOf(']', 1);
                if (close < 0 || name.Length == 0)
                {
                    return false;
                }

                var set = pattern[1..close];
                var negate = set.StartsWith('^') || set.StartsWith('!');
                var members = negate ? set[1..] : set;
                var hit = false;
                for (var i = 0; i < members.Length; i++)
                {
                    if (i + 2 < members.Length && members[i + 1] == '-')
                    {
                        hit |= name[0] >= members[i] && name[0] <= members[i + 2];
                        i += 2;
                    }
                    else
                    {
                        hit |= name[0] == members[i];
                    }
                }

                return hit != negate && Glob(pattern[(close + 1)..], name[1..]);
            default:
                return name.Length > 0 && name[0] == pattern[0] && Glob(pattern[1..], name[1..]);
        }
    }
}