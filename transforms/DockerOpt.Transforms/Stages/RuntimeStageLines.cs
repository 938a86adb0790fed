using System.Collections.Immutable;

using DockerOpt.Core.Model;
using DockerOpt.Core.Passes;
using DockerOpt.Syntax;

namespace DockerOpt.Transforms.Stages;

/// <summary>
/// The runtime stage every split writes: FROM, then the instructions that describe the running container (the
/// stage's contract) in their order, with the planner's block in place of one instruction, and the command last.
/// </summary>
public static class RuntimeStageLines
{
    // Instructions that describe the running container, repeated in the runtime stage in their order.
    private static readonly ImmutableHashSet<InstructionKind> Contract =
    [
        InstructionKind.Env, InstructionKind.Label, InstructionKind.Expose, InstructionKind.Workdir, InstructionKind.User,
        InstructionKind.Cmd, InstructionKind.Entrypoint, InstructionKind.Healthcheck, InstructionKind.Stopsignal, InstructionKind.Arg,
    ];

    /// <summary>
    /// The runtime stage's lines: <paramref name="block"/> goes before <paramref name="blockPosition"/> (at the end
    /// when that instruction is not in the stage); context copies are repeated when <paramref name="repeatAlso"/> says
    /// so; a <paramref name="command"/> replaces the stage's CMD and ENTRYPOINT.
    /// </summary>
    public static List<string> Write(
        PassContext context,
        StageModel stage,
        string from,
        InstructionSyntax blockPosition,
        List<string> block,
        Func<InstructionSyntax, bool> repeatAlso,
        string? command = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(repeatAlso);
        var lines = new List<string> { from };
        var placed = false;
        foreach (var instruction in stage.Instructions)
        {
            if (ReferenceEquals(instruction, blockPosition))
            {
                lines.AddRange(block);
                placed = true;
            }

            var isContextCopy = instruction.Kind is InstructionKind.Copy or InstructionKind.Add && instruction.GetFlag("from") is null;
            if (instruction.Kind is InstructionKind.Cmd or InstructionKind.Entrypoint && command is not null)
            {
                continue;
            }

            if ((Contract.Contains(instruction.Kind) && !isContextCopy) || (isContextCopy && repeatAlso(instruction)))
            {
                lines.Add(context.Text.Substring(instruction.Span.Start, instruction.Span.Length));
            }
        }

        if (!placed)
        {
            lines.AddRange(block);
        }

        if (command is not null)
        {
            lines.Add(command);
        }

        return lines;
    }
}