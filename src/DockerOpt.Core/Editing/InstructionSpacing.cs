using System.Text;

using DockerOpt.Syntax;

namespace DockerOpt.Core.Editing;

/// <summary>
/// Where new instructions go in the gap between two instructions, and with how many blank lines, so the file reads
/// as grouped: no blank line between instructions of the same kind, exactly one between different kinds. That is the
/// default of tally's newline-between-instructions, the peer linter issue 9 measures every rewrite against; new text
/// written without it added a finding at almost every insertion. The blank lines already in the gap are kept (the
/// original bytes stay) and only split around the new text; where the file does not group its instructions, the new
/// text goes where it adds no finding the file did not have, with as few added blank lines as that allows.
/// </summary>
internal static class InstructionSpacing
{
    /// <summary>Which end of the gap the new text prefers when both places read equally well.</summary>
    public enum Anchor
    {
        AfterPrevious,
        BeforeNext,
    }

    /// <summary>
    /// The edit that puts <paramref name="instructions"/> (formatted lines, each without terminator, possibly
    /// continued) between <paramref name="previous"/> and the instruction after it (or the end of the file), above
    /// the comments of that next instruction, which stay its own.
    /// </summary>
    public static TextEdit Insert(DockerfileSyntax syntax, InstructionSyntax previous, DockerfileStyle style, IReadOnlyList<string> instructions, Anchor anchor)
    {
        ArgumentNullException.ThrowIfNull(syntax);
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(style);
        ArgumentNullException.ThrowIfNull(instructions);
        var constructs = syntax.Constructs;
        var index = syntax.IndexOf(previous);
        var text = syntax.Source.Text;

        // The gap: the blank lines right after the previous instruction, then whatever belongs to the next one
        // (its comments, blank lines among them).
        var leadingBlanks = new List<SyntaxConstruct>();
        var i = index + 1;
        while (i < constructs.Length && constructs[i] is BlankLineSyntax blank)
        {
            leadingBlanks.Add(blank);
            i++;
        }

        InstructionSyntax? next = null;
        var nextHasComments = false;
        var blankAmongComments = false;
        for (var j = i; j < constructs.Length; j++)
        {
            if (constructs[j] is InstructionSyntax instruction)
            {
                next = instruction;
                break;
            }

            nextHasComments |= constructs[j] is CommentSyntax;
            blankAmongComments |= constructs[j] is BlankLineSyntax;
        }

        var first = KeywordOf(instructions[0]);
        var last = KeywordOf(instructions[^1]);
        var before = previous.Keyword.Value;
        var after = next?.Keyword.Value;

        // Try every split of the existing blank lines (k above the new text, the rest below) and at most one added
        // blank line on either side; keep the fewest findings, then the fewest added lines, then the preferred end.
        (int Findings, int Added, int Distance, int K, int Above, int Below)? best = null;
        for (var k = 0; k <= leadingBlanks.Count; k++)
        {
            var offset = k == 0 ? previous.FullSpan.End : leadingBlanks[k - 1].FullSpan.End;
            if (offset > 0 && text[offset - 1] != '\n' && offset != text.Length)
            {
                continue;
            }

            for (var above = 0; above <= 1; above++)
            {
                for (var below = 0; below <= (next is null ? 0 : 1); below++)
                {
                    var findings = (Violates(before, first, k + above, hasComments: false, blankAmongComments: false) ? 1 : 0)
                        + (after is not null && Violates(last, after, leadingBlanks.Count - k + below, nextHasComments, blankAmongComments) ? 1 : 0);
                    var distance = anchor == Anchor.AfterPrevious ? k : leadingBlanks.Count - k;
                    var candidate = (findings, above + below, distance, k, above, below);
                    if (best is null || candidate.CompareTo(best.Value) < 0)
                    {
                        best = candidate;
                    }
                }
            }
        }

        var (_, _, _, split, blankAbove, blankBelow) = best!.Value;
        var position = split == 0 ? previous.FullSpan.End : leadingBlanks[split - 1].FullSpan.End;
        var nl = style.NewLine;
        var builder = new StringBuilder();
        var atUnterminatedEnd = position == text.Length && position > 0 && text[position - 1] != '\n';
        if (atUnterminatedEnd)
        {
            // The previous instruction is the last line of a file without a final newline: keep it that way.
            builder.Append(nl);
        }

        for (var b = 0; b < blankAbove; b++)
        {
            builder.Append(nl);
        }

        builder.Append(Join(nl, instructions));
        if (!atUnterminatedEnd)
        {
            builder.Append(nl);
            for (var b = 0; b < blankBelow; b++)
            {
                builder.Append(nl);
            }
        }

        return TextEdit.Insert(position, builder.ToString());
    }

    /// <summary>Joins new instructions with a blank line between different kinds and none between the same kind.</summary>
    public static string Join(string newLine, IReadOnlyList<string> instructions)
    {
        ArgumentNullException.ThrowIfNull(newLine);
        ArgumentNullException.ThrowIfNull(instructions);
        var builder = new StringBuilder();
        for (var i = 0; i < instructions.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(newLine);
                if (!SameKind(KeywordOf(instructions[i - 1]), KeywordOf(instructions[i])))
                {
                    builder.Append(newLine);
                }
            }

            builder.Append(instructions[i]);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Whether a gap of <paramref name="gap"/> blank lines between two instructions is one tally's grouped
    /// newline-between-instructions reports. An instruction with comments above it and of the same kind as the one
    /// before is never reported; a blank line among those comments separates it from the previous kind.
    /// </summary>
    public static bool Violates(string previous, string next, int gap, bool hasComments, bool blankAmongComments)
    {
        var same = SameKind(previous, next);
        if (same && hasComments)
        {
            return false;
        }

        var want = same ? 0 : 1;
        if (gap < want && hasComments && blankAmongComments)
        {
            gap = Math.Max(gap, 1);
        }

        return gap != want;
    }

    private static bool SameKind(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    /// <summary>The keyword a formatted instruction starts with.</summary>
    public static string KeywordOf(string instruction)
    {
        var trimmed = instruction.AsSpan().TrimStart();
        var end = trimmed.IndexOfAny(" \t\r\n");
        return (end < 0 ? trimmed : trimmed[..end]).ToString();
    }
}