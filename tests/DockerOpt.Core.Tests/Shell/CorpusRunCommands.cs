using System.Text;

using DockerOpt.TestKit;

namespace DockerOpt.Core.Tests.Shell;

/// <summary>
/// The shell-form RUN commands of the corpus, extracted with a deliberately simple line reader (the real
/// Dockerfile parser is tested elsewhere): both the raw source (continuations kept) and the command the shell
/// receives (continuations and embedded comment lines removed).
/// </summary>
internal static class CorpusRunCommands
{
    public sealed record RunCommand(string File, int Line, char Escape, string Raw, string Command);

    public static IEnumerable<RunCommand> All() =>
        Repo.CorpusFiles().SelectMany(file => Extract(file, File.ReadAllText(Path.Combine(Repo.CorpusDirectory, file))));

    public static IEnumerable<RunCommand> Extract(string file, string text)
    {
        string[] lines = text.Split('\n');
        char escape = DetectEscape(lines);
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].TrimStart(' ', '\t', '\uFEFF');
            if (line.Length < 4 || !line.StartsWith("RUN", StringComparison.OrdinalIgnoreCase) || line[3] is not (' ' or '\t'))
            {
                continue;
            }

            int first = i;
            StringBuilder raw = new(lines[i]);
            StringBuilder command = new();
            AppendLogical(lines[i], escape, command, out bool continues);
            while (continues && i + 1 < lines.Length)
            {
                i++;
                raw.Append('\n').Append(lines[i]);
                string trimmed = lines[i].TrimStart(' ', '\t');
                if (trimmed.StartsWith('#') || trimmed.TrimEnd('\r').Length == 0)
                {
                    continue;
                }

                AppendLogical(lines[i], escape, command, out continues);
            }

            string shell = StripKeywordAndFlags(command.ToString());
            string rawShell = StripKeywordAndFlags(raw.ToString());
            if (shell.Length == 0 || shell.StartsWith('['))
            {
                continue; // exec form
            }

            yield return new RunCommand(file, first + 1, escape, rawShell, shell);
        }
    }

    private static char DetectEscape(string[] lines)
    {
        foreach (string line in lines)
        {
            string trimmed = line.Trim().TrimStart('\uFEFF');
            if (!trimmed.StartsWith('#'))
            {
                break;
            }

            string directive = trimmed[1..].Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
            if (directive.StartsWith("escape=", StringComparison.Ordinal) && directive.Length > 7)
            {
                return directive[7];
            }
        }

        return '\\';
    }

    private static void AppendLogical(string line, char escape, StringBuilder command, out bool continues)
    {
        string content = line.TrimEnd('\r');
        string trimmedEnd = content.TrimEnd(' ', '\t');
        continues = trimmedEnd.EndsWith(escape);
        command.Append(continues ? trimmedEnd[..^1] : content);
    }

    private static string StripKeywordAndFlags(string run)
    {
        int i = run.TrimStart(' ', '\t', '\uFEFF').Length;
        i = run.Length - i + 3;
        while (true)
        {
            while (i < run.Length && run[i] is ' ' or '\t' or '\r' or '\n' or '\\')
            {
                i++;
            }

            if (i + 1 < run.Length && run[i] == '-' && run[i + 1] == '-')
            {
                while (i < run.Length && run[i] is not (' ' or '\t' or '\n'))
                {
                    i++;
                }

                continue;
            }

            return run[i..];
        }
    }
}