using DockerOpt.Syntax;

namespace DockerOpt.Core.Model;

/// <summary>
/// The RUNs of one text, each read as a <see cref="RunCommand"/> at the first question and kept for every later one.
/// Shared by a model and the copies made from it (<see cref="DockerfileModel.WithRole"/>, <c>WithTarget</c>): they are
/// the same text. Keyed by reference, since an instruction's value equality would compare its whole text.
/// </summary>
internal sealed class RunCommands(ShellScripts scripts)
{
    private readonly Dictionary<InstructionSyntax, RunCommand?> read = new(ReferenceEqualityComparer.Instance);

    /// <summary>The rewrite's shared parses, which these RUNs are read with.</summary>
    public ShellScripts Scripts => scripts;

    public RunCommand? Of(InstructionSyntax instruction)
    {
        if (!read.TryGetValue(instruction, out var run))
        {
            run = RunCommand.TryRead(instruction, scripts);
            read[instruction] = run;
        }

        return run;
    }
}