using System.Collections.Immutable;

using DockerOpt.Core.BuildContext;
using DockerOpt.Syntax;

namespace DockerOpt.Core.Model.Roles;

/// <summary>
/// Reads the script an ENTRYPOINT (or CMD) starts, when the Dockerfile copies it in from the build context, and
/// looks for what needs root: dropping privileges (gosu, <c>su -c</c>, <c>sudo -u</c>, chroot), an init system,
/// the docker socket, writes to the system CA store or to root-owned log folders.
/// </summary>
internal static class EntrypointScripts
{
    private const int MaxScriptLength = 256 * 1024;

    public static IEnumerable<RoleEvidence> Evidence(ImmutableArray<InstructionSyntax> instructions, IBuildContext? context)
    {
        if (context is null || !context.IsKnown)
        {
            yield break;
        }

        foreach (var command in new[] { instructions.LastOrDefault(i => i.Kind == InstructionKind.Entrypoint), instructions.LastOrDefault(i => i.Kind == InstructionKind.Cmd) })
        {
            if (command is null || ScriptOf(command) is not { } script || FindSource(instructions, script) is not { } source
                || context.ReadText(source) is not { Length: > 0 and < MaxScriptLength } text)
            {
                continue;
            }

            if (Scan(text) is { } fact)
            {
                yield return RoleEvidence.At(ImageRole.PrivilegedTool, $"its entrypoint script {source} {fact}", command);
                yield break;
            }
        }
    }

    /// <summary>What in a script needs root, as a clause ("drops privileges with gosu"), or null.</summary>
    public static string? Scan(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.StartsWith('#'))
            {
                continue;
            }

            if (Words.FindAny(line, RoleKnowledge.PrivilegeDropTools) is { } tool)
            {
                return $"drops privileges with {tool}";
            }

            if (DropsWithSu(line) is { } su)
            {
                return $"drops privileges with {su}";
            }

            if (Words.FindAny(line, RoleKnowledge.InitSystems) is { } init)
            {
                return $"starts the init system {init}";
            }

            if (RoleKnowledge.DockerSocketMarkers.FirstOrDefault(m => line.Contains(m, StringComparison.Ordinal)) is { } socket)
            {
                return $"uses the docker socket {socket}";
            }

            foreach (var (marker, what) in RoleKnowledge.RootOnlyWrites)
            {
                if (line.Contains(marker, StringComparison.Ordinal) && (!marker.EndsWith('/') || WritesTo(line)))
                {
                    return what;
                }
            }
        }

        return null;
    }

    private static string? DropsWithSu(string line)
    {
        var words = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length - 1; i++)
        {
            var word = ImageRoleClassifier.BaseName(words[i]);
            if (word == "su" && (words[i + 1].StartsWith('-') || (i + 2 < words.Length && words[i + 2] is "-c" or "-s")))
            {
                return "su";
            }

            if (word == "sudo" && words.Skip(i + 1).TakeWhile(w => w.StartsWith('-')).Any(w => w == "-u"))
            {
                return "sudo -u";
            }

            if (word == "chroot")
            {
                return "chroot";
            }
        }

        return null;
    }

    private static bool WritesTo(string line) =>
        line.Contains('>', StringComparison.Ordinal)
        || Words.FindAny(line, ["mkdir", "touch", "chown", "chmod", "tee", "ln", "cp", "mv", "rm"]) is not null;

    /// <summary>The script an instruction starts: its first word, or the word after sh/bash.</summary>
    private static string? ScriptOf(InstructionSyntax command)
    {
        var words = ImageRoleClassifier.CommandWords(command);
        if (words.IsEmpty)
        {
            return null;
        }

        var first = words[0];
        if (ImageRoleClassifier.BaseName(first) is "sh" or "bash" or "ash" or "dash" && words.Length > 1 && !words[1].StartsWith('-'))
        {
            first = words[1];
        }

        return first.Contains('$', StringComparison.Ordinal) ? null : first;
    }

    // The context path a COPY/ADD put the script at: a source with the script's name, or the single source of a COPY
    // whose destination is the script's path, or a copied folder that holds it.
    private static string? FindSource(ImmutableArray<InstructionSyntax> instructions, string script)
    {
        var name = ImageRoleClassifier.BaseName(script);
        if (name.Length == 0)
        {
            return null;
        }

        foreach (var copy in instructions.Where(i => i.Kind is InstructionKind.Copy or InstructionKind.Add && i.GetFlag("from") is null).Reverse())
        {
            var paths = copy.Arguments switch
            {
                WordArguments words => words.Words.Select(w => w.Value).ToArray(),
                ExecFormArguments exec => [.. exec.Values],
                _ => [],
            };
            if (paths.Length < 2)
            {
                continue;
            }

            var sources = paths[..^1].Where(s => !s.Contains("://", StringComparison.Ordinal) && !s.Contains('$', StringComparison.Ordinal)).ToArray();
            var destination = paths[^1];
            if (sources.FirstOrDefault(s => ImageRoleClassifier.BaseName(s) == name) is { } named)
            {
                return Clean(named);
            }

            if (sources.Length == 1 && ImageRoleClassifier.BaseName(destination) == name)
            {
                return Clean(sources[0]);
            }

            if (sources.Length == 1 && (destination.EndsWith('/') || script.StartsWith(destination.TrimEnd('/') + "/", StringComparison.Ordinal)) && sources[0].EndsWith('/'))
            {
                return Clean(sources[0].TrimEnd('/') + "/" + name);
            }
        }

        return null;
    }

    private static string Clean(string path)
    {
        var clean = path.TrimStart('/');
        return clean.StartsWith("./", StringComparison.Ordinal) ? clean[2..] : clean;
    }
}