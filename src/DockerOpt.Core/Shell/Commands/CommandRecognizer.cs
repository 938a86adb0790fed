using System.Collections.Immutable;

namespace DockerOpt.Core.Shell.Commands;

/// <summary>
/// Reads simple commands as data: package-manager invocations (per <see cref="PackageManagerFacts"/>),
/// <c>rm</c>, <c>cd</c> and <c>git</c>. Looks through <c>sudo</c>, <c>env</c>, <c>exec</c>, <c>command</c>, <c>nohup</c>,
/// <c>time</c> and <c>python -m pip</c>. Returns null for anything else.
/// </summary>
public static class CommandRecognizer
{
    private static readonly HashSet<string> Wrappers = ["sudo", "env", "exec", "command", "nohup", "time", "nice"];

    // sudo's options that run the command as another user or group.
    private static readonly HashSet<string> OtherUserOptions = ["-u", "--user", "-g", "--group"];

    // Options of the wrappers above that take the next word as their value.
    private static readonly HashSet<string> WrapperOptionsWithValue = ["-u", "--user", "-g", "--group", "-n", "--adjustment", "-C", "--chdir", "-U", "-h", "--host", "-D"];

    /// <summary>Every recognised command of <paramref name="script"/>, in order, with its entry (connector, depth).</summary>
    public static IEnumerable<(ShellCommandEntry Entry, RecognizedCommand Command)> RecognizeAll(ShellScript script)
    {
        ArgumentNullException.ThrowIfNull(script);
        foreach (ShellCommandEntry entry in script.Commands)
        {
            if (entry.Simple is { } simple && Recognize(simple) is { } recognized)
            {
                yield return (entry, recognized);
            }
        }
    }

    /// <summary>The package-manager invocations of <paramref name="script"/>, in order.</summary>
    public static IEnumerable<PackageManagerInvocation> PackageManagerInvocations(ShellScript script) =>
        RecognizeAll(script).Select(static r => r.Command).OfType<PackageManagerInvocation>();

    public static RecognizedCommand? Recognize(ShellSimpleCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        ImmutableArray<ShellWord> words = command.Words;
        int index = SkipWrappers(words);
        if (index >= words.Length || words[index].Value is not { } name)
        {
            return null;
        }

        string baseName = name[(name.LastIndexOf('/') + 1)..];
        switch (baseName)
        {
            case "rm":
                return RecognizeRemove(command, index);
            case "cd":
                return new ChangeDirectoryCommand(index + 1 < words.Length ? words[index + 1] : null, command);
            case "git":
                return RecognizeGit(command, index);
        }

        if (IsPython(baseName))
        {
            // python -m pip install ...
            if (index + 2 < words.Length && words[index + 1].Is("-m") && words[index + 2].Value is "pip" or "pip3")
            {
                return ReadInvocation(command, PackageManagerFacts.Pip, index + 2, index + 3) with { RunsAsOtherUser = RunsAsOtherUser(words, index) };
            }

            return null;
        }

        PackageManagerInfo? info = PackageManagerFacts.ForExecutable(name);
        return info is null ? null : ReadInvocation(command, info, index, index + 1) with { RunsAsOtherUser = RunsAsOtherUser(words, index) };
    }

    private static bool IsPython(string name) =>
        name.StartsWith("python", StringComparison.Ordinal)
        && name.AsSpan(6).IndexOfAnyExcept(VersionCharacters) < 0;

    private static readonly System.Buffers.SearchValues<char> VersionCharacters = System.Buffers.SearchValues.Create("0123456789.");

    private static int SkipWrappers(ImmutableArray<ShellWord> words)
    {
        int i = 0;
        while (i < words.Length && words[i].Value is { } value && Wrappers.Contains(value[(value.LastIndexOf('/') + 1)..]))
        {
            bool isEnv = value.EndsWith("env", StringComparison.Ordinal);
            i++;
            while (i < words.Length)
            {
                string? word = words[i].Value;
                if (word is null)
                {
                    break;
                }

                if (word.StartsWith('-') && word.Length > 1)
                {
                    i += WrapperOptionsWithValue.Contains(word) ? 2 : 1;
                }
                else if (isEnv && word.Contains('=', StringComparison.Ordinal))
                {
                    i++;
                }
                else
                {
                    break;
                }
            }
        }

        return i;
    }

    // sudo -u USER, sudo --group=GROUP ... before the command.
    private static bool RunsAsOtherUser(ImmutableArray<ShellWord> words, int commandIndex)
    {
        bool inSudo = false;
        for (int i = 0; i < commandIndex; i++)
        {
            string? value = words[i].Value;
            if (value is not null && !value.StartsWith('-'))
            {
                inSudo = value[(value.LastIndexOf('/') + 1)..] == "sudo";
            }
            else if (inSudo && value is not null
                && (OtherUserOptions.Contains(value) || value.StartsWith("--user=", StringComparison.Ordinal) || value.StartsWith("--group=", StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    private static RemoveFilesCommand RecognizeRemove(ShellSimpleCommand command, int index)
    {
        bool recursive = false;
        bool force = false;
        bool endOfOptions = false;
        ImmutableArray<ShellWord>.Builder paths = ImmutableArray.CreateBuilder<ShellWord>();
        for (int i = index + 1; i < command.Words.Length; i++)
        {
            ShellWord word = command.Words[i];
            string text = word.Value ?? word.Text;
            if (!endOfOptions && text == "--")
            {
                endOfOptions = true;
            }
            else if (!endOfOptions && text.StartsWith("--", StringComparison.Ordinal))
            {
                recursive |= text == "--recursive";
                force |= text == "--force";
            }
            else if (!endOfOptions && text.Length > 1 && text[0] == '-')
            {
                recursive |= text.AsSpan(1).ContainsAny('r', 'R');
                force |= text.AsSpan(1).Contains('f');
            }
            else
            {
                paths.Add(word);
            }
        }

        return new RemoveFilesCommand(recursive, force, paths.ToImmutable(), command);
    }

    // git's own options before the verb that take the next word as their value.
    private static readonly HashSet<string> GitOptionsWithValue = ["-C", "-c", "--git-dir", "--work-tree", "--namespace", "--exec-path", "--config-env"];

    // Verbs that need no repository at all (git apply works on plain files; ls-remote and archive --remote ask a server).
    private static readonly HashSet<string> GitVerbsWithoutRepository = ["version", "help", "ls-remote", "apply", "credential", "var"];

    private static GitCommand RecognizeGit(ShellSimpleCommand command, int index)
    {
        ImmutableArray<ShellWord> words = command.Words;
        string? directory = null;
        int i = index + 1;
        for (; i < words.Length; i++)
        {
            string text = words[i].Value ?? words[i].Text;
            if (!text.StartsWith('-'))
            {
                break;
            }

            if (GitOptionsWithValue.Contains(text) && i + 1 < words.Length)
            {
                if (text == "-C")
                {
                    directory = words[i + 1].Value ?? words[i + 1].Text;
                }

                i++;
            }
        }

        if (i >= words.Length)
        {
            return new GitCommand(string.Empty, GitRepositoryUse.None, directory, null, command);
        }

        string verb = words[i].Value ?? words[i].Text;
        List<string> operands = [.. words.Skip(i + 1).Select(static w => w.Value ?? w.Text).Where(static w => !w.StartsWith('-'))];
        bool hasOption(string name) => words.Skip(i + 1).Any(w => w.Value == name || (w.Value?.StartsWith(name + "=", StringComparison.Ordinal) ?? false));
        switch (verb)
        {
            case "clone":
                // clone's options with a value (-b BRANCH, --depth N, -o NAME...) leave their value among the operands;
                // the URL is the first operand that looks like one, the folder the operand after it.
                int url = operands.FindIndex(static o => o.Contains("://", StringComparison.Ordinal) || o.Contains('@', StringComparison.Ordinal) || o.EndsWith(".git", StringComparison.Ordinal));
                string? target = url >= 0 && url + 1 < operands.Count ? operands[url + 1]
                    : url >= 0 ? LastSegmentWithoutGit(operands[url])
                    : null;
                return new GitCommand(verb, GitRepositoryUse.Creates, directory, target, command);
            case "init":
                return new GitCommand(verb, GitRepositoryUse.Creates, directory, operands.Count > 0 ? operands[^1] : ".", command);
            case "config" when hasOption("--global") || hasOption("--system") || hasOption("--file") || hasOption("-f"):
                return new GitCommand(verb, GitRepositoryUse.None, directory, null, command);
            case "archive" when hasOption("--remote"):
                return new GitCommand(verb, GitRepositoryUse.None, directory, null, command);
            default:
                return new GitCommand(verb, GitVerbsWithoutRepository.Contains(verb) ? GitRepositoryUse.None : GitRepositoryUse.Reads, directory, null, command);
        }
    }

    private static string LastSegmentWithoutGit(string url)
    {
        string trimmed = url.TrimEnd('/');
        string last = trimmed[(trimmed.LastIndexOfAny(['/', ':']) + 1)..];
        return last.EndsWith(".git", StringComparison.Ordinal) ? last[..^4] : last;
    }

    private static PackageManagerInvocation ReadInvocation(ShellSimpleCommand command, PackageManagerInfo info, int executableIndex, int argumentsStart)
    {
        ImmutableArray<ShellWord> words = command.Words;
        ImmutableArray<CommandOption>.Builder options = ImmutableArray.CreateBuilder<CommandOption>();
        List<ShellWord> operands = [];
        bool endOfOptions = false;
        for (int i = argumentsStart; i < words.Length; i++)
        {
            ShellWord word = words[i];
            string text = word.Value ?? word.Text;
            if (!endOfOptions && text == "--")
            {
                endOfOptions = true;
                continue;
            }

            if (endOfOptions || text.Length < 2 || text[0] != '-')
            {
                operands.Add(word);
                continue;
            }

            int equals = text.IndexOf('=', StringComparison.Ordinal);
            string name = equals > 0 ? text[..equals] : text;
            if (equals > 0)
            {
                options.Add(new CommandOption(word, name, text[(equals + 1)..], null));
            }
            else if (info.OptionsWithValue.Contains(name) && i + 1 < words.Length)
            {
                ShellWord value = words[++i];
                options.Add(new CommandOption(word, name, value.Value, value));
            }
            else
            {
                options.Add(new CommandOption(word, name, null, null));
            }
        }

        (string verb, PackageAction action, int verbCount) = ReadVerb(info, operands);
        ImmutableArray<ShellWord> verbWords = [.. operands.Take(verbCount)];
        ImmutableArray<ShellWord> packages = info.VerbsAreGoals ? [.. operands] : [.. operands.Skip(verbCount)];
        return new PackageManagerInvocation(info.Tool, verb, action, options.ToImmutable(), packages, verbWords, command)
        {
            ExecutableIndex = executableIndex,
        };
    }

    private static (string Verb, PackageAction Action, int VerbCount) ReadVerb(PackageManagerInfo info, List<ShellWord> operands)
    {
        if (operands.Count == 0)
        {
            return (string.Empty, info.ActionWithoutVerb ?? PackageAction.Other, 0);
        }

        if (info.VerbsAreGoals)
        {
            foreach (ShellWord goal in operands)
            {
                if (goal.Value is { } g && info.ActionOf(g) is { } goalAction)
                {
                    return (g, goalAction, 0);
                }
            }

            return (operands[0].Value ?? operands[0].Text, PackageAction.Other, 0);
        }

        string first = operands[0].Value ?? operands[0].Text;
        if (operands.Count > 1 && operands[1].Value is { } second && info.ActionOf(first + " " + second) is { } twoWordAction)
        {
            return (first + " " + second, twoWordAction, 2);
        }

        if (info.ActionOf(first) is { } action)
        {
            return (first, action, 1);
        }

        return (first, info.UnknownVerbRunsScript ? PackageAction.RunScript : PackageAction.Other, 1);
    }
}