using System.Collections.Immutable;

using DockerOpt.Core.Model;
using DockerOpt.Core.Passes;
using DockerOpt.Syntax;
using DockerOpt.Transforms.ExecForm;

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
    /// so; a <paramref name="command"/> replaces the stage's CMD and ENTRYPOINT and ends the stage, after
    /// <paramref name="beforeCommand"/> and the comment that explained the old one.
    /// </summary>
    public static List<string> Write(
        PassContext context,
        StageModel stage,
        string from,
        InstructionSyntax blockPosition,
        List<string> block,
        Func<InstructionSyntax, bool> repeatAlso,
        string? command = null,
        string? beforeCommand = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(repeatAlso);
        var lines = new List<string> { from };
        var placed = false;
        var commandComment = new List<string>();
        foreach (var instruction in stage.Instructions)
        {
            if (ReferenceEquals(instruction, blockPosition))
            {
                lines.AddRange(block);
                placed = true;
            }

            // The comment that explains a runtime-only instruction leaves the builder with it (the pass's removals).
            var comment = IsRuntimeOnly(instruction) && !context.IsIgnored(instruction) && CommentAbove(context.Text, instruction) is { } above ? above.Lines : [];
            var isContextCopy = instruction.Kind is InstructionKind.Copy or InstructionKind.Add && instruction.GetFlag("from") is null;
            if (instruction.Kind is InstructionKind.Cmd or InstructionKind.Entrypoint && command is not null)
            {
                commandComment.AddRange(comment);
                continue;
            }

            if ((Contract.Contains(instruction.Kind) && !isContextCopy) || (isContextCopy && repeatAlso(instruction)))
            {
                lines.AddRange(Paragraph(comment));
                lines.Add(Repeated(context, instruction));
            }
        }

        if (!placed)
        {
            lines.AddRange(block);
        }

        if (command is not null)
        {
            if (beforeCommand is not null)
            {
                lines.Add(beforeCommand);
            }

            lines.AddRange(Paragraph(commandComment));
            lines.Add(command);
        }

        return lines;
    }

    /// <summary>CMD, ENTRYPOINT, EXPOSE, HEALTHCHECK and STOPSIGNAL: they only describe the running container.</summary>
    public static bool IsRuntimeOnly(InstructionSyntax instruction) =>
        instruction.Kind is InstructionKind.Cmd or InstructionKind.Entrypoint or InstructionKind.Expose or InstructionKind.Healthcheck or InstructionKind.Stopsignal;

    /// <summary>Where the instruction's line starts (its indentation included).</summary>
    public static int LineStartOf(string text, InstructionSyntax instruction)
    {
        var start = instruction.Span.Start;
        while (start > 0 && text[start - 1] is ' ' or '\t')
        {
            start--;
        }

        return start;
    }

    /// <summary>
    /// The comment lines right above an instruction (no blank line between), where they start and their lines without
    /// line endings; null when the line above is no comment. Above a runtime-only instruction they explain it, and
    /// they move with it from the builder into the runtime stage.
    /// </summary>
    public static (int Start, List<string> Lines)? CommentAbove(string text, InstructionSyntax instruction)
    {
        var start = LineStartOf(text, instruction);
        var lines = new List<string>();
        while (PreviousLine(text, start) is { } above && text[above.Start..above.End].TrimStart().StartsWith('#'))
        {
            lines.Insert(0, text[above.Start..above.End].TrimEnd('\r'));
            start = above.Start;
        }

        return lines.Count == 0 ? null : (start, lines);
    }

    /// <summary>The line before the one starting at <paramref name="lineStart"/> (without its terminator), or null at the start of the text.</summary>
    public static (int Start, int End)? PreviousLine(string text, int lineStart)
    {
        if (lineStart == 0 || text[lineStart - 1] != '\n')
        {
            return null;
        }

        var end = lineStart - 1;
        var start = text.LastIndexOf('\n', Math.Max(0, end - 1)) + 1;
        if (end == 0)
        {
            start = 0;
        }

        return (start, end);
    }

    // A carried comment starts a paragraph of its own, as it did in the builder: a blank line above it.
    private static IEnumerable<string> Paragraph(List<string> comment) => comment.Count == 0 ? [] : comment.Prepend(string.Empty);

    // An instruction of the stage as the runtime stage repeats it: verbatim, but a legacy 'ENV key value' (or LABEL) is
    // written as key=value with the same value. The author's own line stays as written (the exec-form pass only advises
    // on it); the new stage's copy is generated text, which must not add a BuildKit LegacyKeyValueFormat warning.
    private static string Repeated(PassContext context, InstructionSyntax instruction)
    {
        var text = context.Text.Substring(instruction.Span.Start, instruction.Span.Length);
        if (instruction.Arguments is not KeyValueArguments { IsLegacyForm: true, Pairs: [var pair] }
            || LegacyKeyValue.Rewrite(pair.Key.Value, pair.Value.Value, context.Syntax.EscapeChar) is not { } rewritten)
        {
            return text;
        }

        return text[..(instruction.Arguments.Span.Start - instruction.Span.Start)] + rewritten;
    }
}