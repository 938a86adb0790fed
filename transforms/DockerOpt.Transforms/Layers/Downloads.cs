using DockerOpt.Core.Shell;

namespace DockerOpt.Transforms.Layers;

/// <summary>
/// The files a script downloads with curl or wget, as the paths a later <c>rm</c> would name: the name as written
/// (only when no <c>cd</c> ran before it, so it is relative to the RUN's working directory) and the absolute path
/// when it is known.
/// </summary>
internal static class Downloads
{
    public static HashSet<string> Files(ShellScript script)
    {
        ArgumentNullException.ThrowIfNull(script);
        var files = new HashSet<string>(StringComparer.Ordinal);
        string? cwd = null;
        var changedDirectory = false;
        foreach (var entry in script.Commands)
        {
            if (entry.Simple is not { Name.Value: { } name } command)
            {
                continue;
            }

            if (name == "cd" && entry.Depth == 0)
            {
                changedDirectory = true;
                cwd = command.Arguments.Length == 1 && command.Arguments[0].Value is { } dir && dir.StartsWith('/') ? dir.TrimEnd('/') : null;
                continue;
            }

            var file = name switch
            {
                "curl" => CurlOutput(command),
                "wget" => WgetOutput(command),
                _ => null,
            };
            if (file is null || file == "-")
            {
                continue;
            }

            if (file.StartsWith('/'))
            {
                files.Add(file);
            }
            else
            {
                if (!changedDirectory)
                {
                    files.Add(file);
                    files.Add("./" + file);
                }

                if (cwd is not null)
                {
                    files.Add(cwd + "/" + file);
                }
            }
        }

        return files;
    }

    private static string? CurlOutput(ShellSimpleCommand command)
    {
        var args = command.Arguments;
        var remoteName = false;
        string? url = null;
        for (var i = 0; i < args.Length; i++)
        {
            var value = args[i].Value;
            if (value is null)
            {
                continue;
            }

            if (value is "-o" or "--output")
            {
                return i + 1 < args.Length ? args[i + 1].Value : null;
            }

            if (value.StartsWith("--output=", StringComparison.Ordinal))
            {
                return value["--output=".Length..];
            }

            if (value is "-O" or "--remote-name")
            {
                remoteName = true;
            }
            else if (value.Length > 1 && value[0] == '-' && value[1] != '-')
            {
                if (value[^1] == 'o')
                {
                    return i + 1 < args.Length ? args[i + 1].Value : null;
                }

                remoteName |= value.Contains('O', StringComparison.Ordinal);
            }
            else if (IsUrl(value))
            {
                url ??= value;
            }
        }

        return remoteName && url is not null ? BaseName(url) : null;
    }

    private static string? WgetOutput(ShellSimpleCommand command)
    {
        var args = command.Arguments;
        string? url = null;
        string? prefix = null;
        for (var i = 0; i < args.Length; i++)
        {
            var value = args[i].Value;
            if (value is null)
            {
                continue;
            }

            if (value is "-O" or "--output-document")
            {
                return i + 1 < args.Length ? args[i + 1].Value : null;
            }

            if (value.StartsWith("--output-document=", StringComparison.Ordinal))
            {
                return value["--output-document=".Length..];
            }

            if (value.StartsWith("-O", StringComparison.Ordinal) && value.Length > 2)
            {
                return value[2..];
            }

            if (value is "-P" or "--directory-prefix")
            {
                prefix = i + 1 < args.Length ? args[i + 1].Value : null;
                i++;
            }
            else if (IsUrl(value))
            {
                url ??= value;
            }
        }

        if (url is null)
        {
            return null;
        }

        var name = BaseName(url);
        return name is null ? null : prefix is null ? name : prefix.TrimEnd('/') + "/" + name;
    }

    private static bool IsUrl(string value) =>
        value.StartsWith("http://", StringComparison.Ordinal) || value.StartsWith("https://", StringComparison.Ordinal) || value.StartsWith("ftp://", StringComparison.Ordinal);

    private static string? BaseName(string url)
    {
        var path = url.Split('?', '#')[0];
        var name = path[(path.LastIndexOf('/') + 1)..];
        return name.Length == 0 || name.Contains('$', StringComparison.Ordinal) ? null : name;
    }
}