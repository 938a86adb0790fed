using DockerOpt.Syntax;

namespace DockerOpt.Core.Model;

/// <summary>
/// The RUNs of one text, each read as a <see cref="RunCommand"/> at the first question and kept for every later one.
/// Shared by a model and the copies made from it (<see cref="DockerfileModel.WithRole"/>, <c>WithTarget</c>): they are
/// the same text. Not keyed by the instruction itself: its value equality would compare its whole text.
/// </summary>
internal sealed class RunCommands(ShellScripts scripts)
{
    // Keyed by the instruction's start offset, which is unique within one text, and checked by reference on a hit: an
    // instruction of another text at the same offset is read, not answered from here. A reference-keyed dictionary
    // paid for an identity hash code on every instruction object of every text (issue 14).
    private readonly Dictionary<int, (InstructionSyntax Instruction, RunCommand? Run)> read = [];

    /// <summary>The rewrite's shared parses, which these RUNs are read with.</summary>
    public ShellScripts Scripts => scripts;

    public RunCommand? Of(InstructionSyntax instruction)
    {
        if (read.TryGetValue(instruction.Span.Start, out var known))
        {
            return ReferenceEquals(known.Instruction, instruction) ? known.Run : RunCommand.TryRead(instruction, scripts);
        }

        var run = RunCommand.TryRead(instruction, scripts);
        read[instruction.Span.Start] = (instruction, run);
        return run;
    }
}