using DockerOpt.Core.Model;
using DockerOpt.Core.Shell;
using DockerOpt.Syntax;

namespace DockerOpt.Transforms.Ecosystems;

/// <summary>
/// The shell structure of RUN instructions, for passes that read commands (not for editing exec form). Parsed through the
/// model's shared parses: every pass asks this of every RUN, and a parse per question cost a large file a parse of each
/// RUN per pass (issue 14).
/// </summary>
public static class RunScripts
{
    /// <summary>The parsed command of a shell-form RUN without heredocs, or null (exec form, heredoc, other kinds).</summary>
    public static ShellScript? Parse(DockerfileModel model, InstructionSyntax instruction)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(instruction);
        return instruction.Kind == InstructionKind.Run && instruction.Heredocs.IsEmpty && instruction.Arguments is ShellFormArguments shell
            ? model.ParseShell(shell.CommandText)
            : null;
    }

    /// <summary>Every tool call of a RUN: the simple commands of a shell form, or the program of an exec form.</summary>
    public static IEnumerable<ToolInvocation> Tools(DockerfileModel model, InstructionSyntax instruction)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(instruction);
        if (Parse(model, instruction) is { } script)
        {
            foreach (var command in script.SimpleCommands)
            {
                if (ToolInvocation.From(command) is { } invocation)
                {
                    yield return invocation;
                }
            }
        }
        else if (instruction.Kind == InstructionKind.Run && instruction.Arguments is ExecFormArguments exec && exec.Values.Length > 0)
        {
            // Exec form: parse the joined words only to name the tool; edits never use these spans.
            var joined = string.Join(' ', exec.Values.Select(QuoteForShell));
            foreach (var command in model.ParseShell(joined).SimpleCommands.Take(1))
            {
                if (ToolInvocation.From(command) is { } invocation)
                {
                    yield return invocation;
                }
            }
        }
    }

    private static string QuoteForShell(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}