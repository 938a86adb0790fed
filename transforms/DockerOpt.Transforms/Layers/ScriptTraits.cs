using System.Collections.Frozen;
using System.Text.RegularExpressions;

using DockerOpt.Core.Shell;

namespace DockerOpt.Transforms.Layers;

/// <summary>
/// What in a RUN's script decides whether another command may be chained after it in the same shell: state that
/// would leak into the next command (<c>cd</c>, <c>export</c>), control flow that would skip it (<c>exit</c>,
/// <c>exec</c>), and error handling that depends on where a command sits in an and-or list (<c>set -e</c>).
/// </summary>
internal static partial class ScriptTraits
{
    // Builtins whose effect outlives the command: the next command in the same shell would see it.
    private static readonly FrozenSet<string> StateChangers = FrozenSet.ToFrozenSet(
        ["cd", "pushd", "popd", "export", "unset", "umask", "source", ".", "alias", "unalias", "shopt", "ulimit",
         "readonly", "declare", "typeset", "local", "hash", "enable", "builtin", "command", "read", "getopts"],
        StringComparer.Ordinal);

    // The builtins among them that set shell variables.
    private static readonly FrozenSet<string> VariableSetters = FrozenSet.ToFrozenSet(
        ["export", "readonly", "declare", "typeset", "local", "read", "getopts"], StringComparer.Ordinal);

    // Builtins that end the shell or change how failures are handled: merging would change what runs.
    private static readonly FrozenSet<string> FlowChangers = FrozenSet.ToFrozenSet(
        ["set", "exit", "exec", "trap", "return", "shift", "eval", "break", "continue", "wait", "logout"],
        StringComparer.Ordinal);

    // Opaque parts that are not a modelled compound command but text the parser could not read: anything appended
    // might land inside an unterminated quote.
    private static readonly string[] UnreadableReasons = ["unterminated", "unclosed", "unexpected", "missing command", "nesting too deep"];

    /// <summary>
    /// Why nothing may be chained after (or merged with) this script in the same shell, or null when it is safe.
    /// Cwd and variable changes are reported by <see cref="LeakingStateChange"/> instead: a caller may isolate them.
    /// </summary>
    public static string? WhyNotChainable(ShellScript script)
    {
        ArgumentNullException.ThrowIfNull(script);
        if (script.Pieces.Any(p => p.Kind == ShellPieceKind.Comment))
        {
            return "it has a shell comment (# ...), which would swallow what follows on the same logical line";
        }

        if (!script.HereDocs.IsEmpty)
        {
            return "it has a shell here-document";
        }

        if (HasBackground(script.Root))
        {
            return "it starts a background job (&)";
        }

        foreach (var entry in script.Commands)
        {
            if (entry.Simple is { Name.Value: { } name } && FlowChangers.Contains(name))
            {
                return $"it runs '{name}', which changes what later commands in the same shell do";
            }

            if (entry.Node is ShellOpaqueCommand opaque)
            {
                if (UnreadableReasons.Any(r => opaque.Reason.StartsWith(r, StringComparison.Ordinal)))
                {
                    return $"the shell parser cannot read all of it ({opaque.Reason})";
                }

                if (opaque.Reason.Contains("function", StringComparison.OrdinalIgnoreCase) || FunctionDefinition().IsMatch(opaque.Text))
                {
                    return "it defines a shell function";
                }

                var hit = RiskyWord().Match(opaque.Text);
                if (hit.Success)
                {
                    return $"it has a compound command using '{hit.Value}'";
                }
            }
        }

        return null;
    }

    /// <summary>The first top-level builtin whose effect (cwd, variables) would carry into a command chained after it.</summary>
    public static string? LeakingStateChange(ShellScript script)
    {
        ArgumentNullException.ThrowIfNull(script);
        foreach (var entry in script.Commands)
        {
            if (entry.Depth > 0 && !IsInBraceGroup(script, entry))
            {
                continue;
            }

            if (entry.Simple is { } simple)
            {
                if (simple.Name is null && !simple.Assignments.IsEmpty)
                {
                    return simple.Assignments[0].Name + "=";
                }

                if (simple.Name?.Value is { } name && StateChangers.Contains(name))
                {
                    return name;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The first top-level shell variable the script sets (<c>X=</c>, <c>export</c>, <c>read</c>...), or null.
    /// shellcheck trusts a variable assigned at the start of a script; once another command is put in front of it,
    /// every unquoted use becomes an SC2086 finding, so text is never put in front of such a script.
    /// </summary>
    public static string? SetsVariable(ShellScript script) =>
        LeakingStateChange(script) is { } change && (change.EndsWith('=') || VariableSetters.Contains(change)) ? change : null;

    /// <summary>
    /// True when the script is one and-or list of <c>&amp;&amp;</c> only (a trailing <c>;</c> allowed): chaining
    /// after it or before it keeps every command's failure meaning without grouping.
    /// </summary>
    public static bool IsPlainAndChain(ShellScript script)
    {
        ArgumentNullException.ThrowIfNull(script);
        return script.Root.Items.Length == 1 && script.Root.Items[0].IsAndChain
            && script.Root.Items[0].Terminator is ShellConnector.None or ShellConnector.Semicolon or ShellConnector.Newline;
    }

    /// <summary>True when the script starts a background job (<c>cmd &amp;</c>) anywhere.</summary>
    public static bool StartsBackgroundJob(ShellScript script)
    {
        ArgumentNullException.ThrowIfNull(script);
        return HasBackground(script.Root);
    }

    private static bool IsInBraceGroup(ShellScript script, ShellCommandEntry entry) =>
        FindContainers(script.Root, entry.Node.Span).All(c => c is ShellBraceGroup);

    private static List<ShellCommandNode> FindContainers(ShellList list, ShellSpan target)
    {
        var containers = new List<ShellCommandNode>();
        var current = list;
        while (true)
        {
            ShellCommandNode? next = null;
            foreach (var andOr in current.Items)
            {
                foreach (var pipeline in andOr.Pipelines)
                {
                    foreach (var command in pipeline.Commands)
                    {
                        if (command is ShellSubshell or ShellBraceGroup && command.Span.Contains(target) && command.Span != target)
                        {
                            next = command;
                        }
                    }
                }
            }

            if (next is null)
            {
                return containers;
            }

            containers.Add(next);
            current = next switch
            {
                ShellSubshell s => s.Body,
                ShellBraceGroup g => g.Body,
                _ => throw new InvalidOperationException(),
            };
        }
    }

    private static bool HasBackground(ShellList list)
    {
        foreach (var andOr in list.Items)
        {
            if (andOr.Terminator == ShellConnector.Background)
            {
                return true;
            }

            foreach (var pipeline in andOr.Pipelines)
            {
                foreach (var command in pipeline.Commands)
                {
                    if ((command is ShellSubshell subshell && HasBackground(subshell.Body))
                        || (command is ShellBraceGroup group && HasBackground(group.Body)))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    [GeneratedRegex(@"(?<![\w./-])(set|exit|exec|trap|return|eval|cd|pushd|popd|export|unset|source|umask|wait)(?![\w./-])")]
    private static partial Regex RiskyWord();

    [GeneratedRegex(@"\w\s*\(\s*\)|(?<![\w-])function\s")]
    private static partial Regex FunctionDefinition();
}