using System.Collections.Frozen;
using System.Collections.Immutable;

using DockerOpt.Core.Shell;

namespace DockerOpt.Transforms.ExecForm;

/// <summary>
/// Decides whether a shell-form command means exactly the same as an exec-form array: it must be ONE simple command
/// whose words the shell would pass on unchanged — no <c>&amp;&amp;</c>, <c>||</c>, <c>;</c>, pipes, redirections,
/// variables, command substitution, globs, <c>~</c>, leading assignments, comments, or shell builtins that have no
/// program behind them. A leading <c>exec</c> is dropped: <c>exec node app.js</c> already meant "replace the shell".
/// </summary>
public static class SimpleCommandReader
{
    // Builtins that only exist inside a shell: exec form would look for a program of that name and fail.
    private static readonly FrozenSet<string> ShellOnly = new[]
    {
        "cd", "source", ".", "export", "set", "unset", "ulimit", "umask", "trap", "eval", "alias", "shift", "wait", "read",
        "exit", "return", "local", "declare", "typeset", "readonly", "builtin", "command", "[[", "{", "}", "!", "if", "for",
        "while", "until", "case",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The argv the shell would run, or the reason it cannot be written as exec form.</summary>
    public static (ImmutableArray<string> Argv, string? Reason) Read(string command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.Trim().Length == 0)
        {
            return ([], "the command is empty");
        }

        var script = ShellParser.Parse(command);
        if (!script.IsFullyUnderstood)
        {
            return ([], $"the command uses shell syntax dockeropt does not model ({script.OpaqueParts[0].Reason})");
        }

        if (script.Pieces.Any(p => p.Kind is ShellPieceKind.Comment or ShellPieceKind.EmbeddedComment))
        {
            return ([], "the command contains a shell comment");
        }

        if (script.Commands.Length != 1 || script.Root.Items.Length != 1)
        {
            return ([], "it runs several commands (&&, ||, ; or a pipe), which needs a shell");
        }

        var list = script.Root.Items[0];
        if (list.Pipelines.Length != 1 || list.Pipelines[0].Commands.Length != 1 || list.Pipelines[0].Negated)
        {
            return ([], "it runs several commands (&&, ||, ; or a pipe), which needs a shell");
        }

        if (list.Terminator is ShellConnector.Background)
        {
            return ([], "it runs in the background (&), which needs a shell");
        }

        if (script.Commands[0].Simple is not { } simple)
        {
            return ([], "it is a subshell or command group, which needs a shell");
        }

        if (!simple.Redirections.IsDefaultOrEmpty)
        {
            return ([], "it redirects input or output, which needs a shell");
        }

        if (!simple.Assignments.IsDefaultOrEmpty)
        {
            return ([], "it sets variables for the command (NAME=value cmd), which needs a shell");
        }

        var words = simple.Words;
        if (words.Length > 1 && words[0].Is("exec"))
        {
            words = words[1..];
        }

        if (words.IsDefaultOrEmpty)
        {
            return ([], "it runs no program");
        }

        foreach (var word in words)
        {
            if (word.HasExpansion || !word.IsStatic)
            {
                return ([], $"'{word.Text}' is expanded by the shell (variable, substitution or ~)");
            }

            if (word.HasGlob)
            {
                return ([], $"'{word.Text}' is a glob the shell expands");
            }
        }

        var name = words[0].Value!;
        if (ShellOnly.Contains(name))
        {
            return ([], $"'{name}' is a shell builtin with no program behind it");
        }

        return ([.. words.Select(w => w.Value!)], null);
    }
}