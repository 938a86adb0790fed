using DockerOpt.Syntax;

namespace DockerOpt.Core.Editing;

/// <summary>
/// The editing API passes build on: replace, insert and remove whole instructions, add and remove flags, and
/// format new instructions in the file's own style. Every method returns a <see cref="TextEdit"/> against the
/// original text, so bytes the pass did not mean to touch are copied verbatim.
/// </summary>
public static class InstructionEdits
{
    /// <summary>Replaces the instruction's text (its continuation lines and heredocs too), keeping its line terminator.</summary>
    public static TextEdit Replace(InstructionSyntax instruction, string newText)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        return new TextEdit(instruction.Span, newText);
    }

    /// <summary>Removes the instruction with its indentation and line terminator.</summary>
    public static TextEdit Remove(InstructionSyntax instruction)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        var start = LineStart(instruction);
        return new TextEdit(TextSpan.FromBounds(start, instruction.FullSpan.End), string.Empty);
    }

    /// <summary>
    /// Inserts new instructions (formatted lines, each without terminator) just above the instruction and the comments
    /// that belong to it, with the blank lines <see cref="InstructionSpacing"/> chooses: none between instructions of
    /// the same kind, one between different kinds, so the new text adds no grouping finding to the file.
    /// </summary>
    public static TextEdit InsertBefore(DockerfileSyntax syntax, InstructionSyntax instruction, DockerfileStyle style, params string[] lines)
    {
        ArgumentNullException.ThrowIfNull(syntax);
        ArgumentNullException.ThrowIfNull(instruction);
        ArgumentNullException.ThrowIfNull(style);
        ArgumentNullException.ThrowIfNull(lines);
        var index = syntax.Instructions.IndexOf(instruction);
        if (index <= 0)
        {
            // Nothing above to keep apart from: the new lines go right above the instruction.
            return TextEdit.Insert(LineStart(instruction), InstructionSpacing.Join(style.NewLine, lines) + style.NewLine
                + (InstructionSpacing.Violates(InstructionSpacing.KeywordOf(lines[^1]), instruction.Keyword.Value, 0, false, false) ? style.NewLine : string.Empty));
        }

        return InstructionSpacing.Insert(syntax, syntax.Instructions[index - 1], style, lines, InstructionSpacing.Anchor.BeforeNext);
    }

    /// <summary>
    /// Inserts new instructions (formatted lines, each without terminator) just below the instruction, above the
    /// comments of the next one, with the blank lines <see cref="InstructionSpacing"/> chooses.
    /// </summary>
    public static TextEdit InsertAfter(DockerfileSyntax syntax, InstructionSyntax instruction, DockerfileStyle style, params string[] lines)
    {
        ArgumentNullException.ThrowIfNull(syntax);
        ArgumentNullException.ThrowIfNull(instruction);
        ArgumentNullException.ThrowIfNull(style);
        ArgumentNullException.ThrowIfNull(lines);
        return InstructionSpacing.Insert(syntax, instruction, style, lines, InstructionSpacing.Anchor.AfterPrevious);
    }

    /// <summary>New instructions joined as one block: a blank line between different kinds, none between the same kind.</summary>
    public static string JoinInstructions(DockerfileStyle style, IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(style);
        return InstructionSpacing.Join(style.NewLine, lines);
    }

    /// <summary>
    /// Adds a flag (e.g. <c>--chown=app</c>) right after the existing flags, on their line: before a lone <c>--</c>,
    /// which ends the flags (see <see cref="InsertFlags"/>).
    /// </summary>
    public static TextEdit AddFlag(InstructionSyntax instruction, string flagText)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        var after = FlagsEnd(instruction);
        return TextEdit.Insert(after, " " + flagText);
    }

    /// <summary>
    /// Inserts flag text (ending in its own separator: a space, or a line continuation) where the arguments begin,
    /// e.g. a <c>--mount</c> on a line of its own above the command. With a lone <c>--</c>, which ends the flags
    /// (BuildKit's extractBuilderFlags drops it and reads every later word as an argument, <c>--mount</c> included),
    /// the text goes before the <c>--</c>: <c>RUN -- npm ci</c> becomes <c>RUN --mount=... -- npm ci</c>.
    /// </summary>
    public static TextEdit InsertFlags(InstructionSyntax instruction, string flagText)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        ArgumentNullException.ThrowIfNull(flagText);
        var at = CommandStart(instruction);
        var flagsEnd = FlagsEnd(instruction);
        if (at > flagsEnd && instruction.Source.Text[flagsEnd..at].Contains('#', StringComparison.Ordinal))
        {
            // A comment line between RUN \ and the command: BuildKit drops it, but a shell linter reads the text as
            // written and a flag below it as a command (shellcheck SC2215). The flags go on the keyword's line instead,
            // before the author's own continuation.
            var text = flagText.TrimEnd();
            text = text.EndsWith('\\') || text.EndsWith('`') ? text[..^1].TrimEnd() : text;
            return TextEdit.Insert(flagsEnd, " " + text);
        }

        return TextEdit.Insert(at, flagText);
    }

    /// <summary>
    /// When <see cref="InsertFlags"/> puts flags on a line of their own, the command's first line becomes a line the pass
    /// writes anew; this edit trims the run of blanks before that line's continuation (<c>apt-get update  \</c> becomes
    /// <c>apt-get update \</c>) so the moved line reads as generated text does (tally's no-multi-spaces). Null when the
    /// line has no such run.
    /// </summary>
    public static TextEdit? TrimBlanksBeforeContinuationOfFirstLine(InstructionSyntax instruction)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        var text = instruction.Source.Text;
        var at = CommandStart(instruction);
        var flagsEnd = FlagsEnd(instruction);
        if (at < flagsEnd || text.AsSpan(flagsEnd, at - flagsEnd).IndexOfAny('\n', '\r') >= 0)
        {
            return null; // the command already starts a line of its own: the author's line stays as written
        }

        var lineEnd = at;
        while (lineEnd < text.Length && text[lineEnd] is not ('\n' or '\r'))
        {
            lineEnd++;
        }

        var escape = lineEnd;
        while (escape > at && text[escape - 1] is ' ' or '\t')
        {
            escape--;
        }

        if (escape == at || text[escape - 1] is not ('\\' or '`') || lineEnd >= instruction.Span.End)
        {
            return null;
        }

        var blanksEnd = escape - 1;
        var blanksStart = blanksEnd;
        while (blanksStart > at && text[blanksStart - 1] is ' ' or '\t')
        {
            blanksStart--;
        }

        return blanksEnd - blanksStart >= 2 && blanksStart > at
            ? new TextEdit(TextSpan.FromBounds(blanksStart, blanksEnd), " ")
            : null;
    }

    // Where InsertFlags puts new flags: before a lone `--` that ends the flags, else where the arguments begin.
    private static int CommandStart(InstructionSyntax instruction) =>
        instruction.FlagTerminator?.Start ?? instruction.Arguments.Span.Start;

    private static int FlagsEnd(InstructionSyntax instruction) =>
        instruction.Flags.IsEmpty ? instruction.Keyword.Span.End : instruction.Flags[^1].Span.End;

    /// <summary>Removes a flag and the whitespace before it.</summary>
    public static TextEdit RemoveFlag(InstructionSyntax instruction, FlagSyntax flag)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        ArgumentNullException.ThrowIfNull(flag);
        var index = instruction.Flags.IndexOf(flag);
        var previousEnd = index <= 0 ? instruction.Keyword.Span.End : instruction.Flags[index - 1].Span.End;
        return new TextEdit(TextSpan.FromBounds(previousEnd, flag.Span.End), string.Empty);
    }

    /// <summary>A new instruction in the file's style: <c>run</c> in a lower-case file.</summary>
    public static string Format(DockerfileStyle style, string keyword, string arguments)
    {
        ArgumentNullException.ThrowIfNull(style);
        return arguments.Length == 0 ? style.FormatKeyword(keyword) : style.FormatKeyword(keyword) + " " + arguments;
    }

    /// <summary>
    /// Joins shell commands into one <c>&amp;&amp;</c> chain, one command per line after the first, continued with
    /// the file's escape char, line ending and indentation.
    /// </summary>
    public static string JoinCommands(DockerfileStyle style, IReadOnlyList<string> commands)
    {
        ArgumentNullException.ThrowIfNull(style);
        ArgumentNullException.ThrowIfNull(commands);
        return string.Join(style.LineContinuation + "&& ", commands);
    }

    // Where the instruction's physical line starts (after a BOM, which belongs to the file, not to a line).
    private static int LineStart(InstructionSyntax instruction)
    {
        var text = instruction.Source.Text;
        var start = instruction.Span.Start;
        while (start > 0 && text[start - 1] is ' ' or '\t')
        {
            start--;
        }

        return start;
    }
}