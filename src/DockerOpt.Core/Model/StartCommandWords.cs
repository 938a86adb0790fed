using System.Collections.Immutable;

using DockerOpt.Core.Shell;
using DockerOpt.Syntax;

namespace DockerOpt.Core.Model;

/// <summary>
/// The program and arguments a CMD or ENTRYPOINT starts, when they are plain words: the exec form as written, or a
/// shell form that is one simple command of static words (a leading <c>exec</c> dropped, since the shell only hands
/// over to the program). Planners read it to learn which binary a stage runs; anything the shell would compute
/// (variables, globs, redirections, chains) gives null, and the planner declines rather than guess.
/// </summary>
public static class StartCommandWords
{
    public static ImmutableArray<string>? Of(InstructionSyntax instruction)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        if (instruction.Arguments is ExecFormArguments exec)
        {
            return exec.Values;
        }

        if (instruction.Arguments is ShellFormArguments shell && ShellParser.Parse(shell.CommandText) is { IsSingleAndChain: true } script
            && script.Commands.Length == 1 && script.Commands[0].Simple is { Assignments.IsEmpty: true, Redirections.IsEmpty: true } simple
            && simple.Words.All(w => w.IsStatic && !w.HasGlob))
        {
            ImmutableArray<string> words = [.. simple.Words.Select(w => w.Value!)];
            return words.Length > 1 && words[0] == "exec" ? words[1..] : words;
        }

        return null;
    }
}