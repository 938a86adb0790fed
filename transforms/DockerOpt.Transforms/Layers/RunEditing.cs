using System.Collections.Immutable;

using DockerOpt.Core.Editing;
using DockerOpt.Core.Model;
using DockerOpt.Core.Shell;
using DockerOpt.Syntax;

namespace DockerOpt.Transforms.Layers;

/// <summary>Edits of a RUN's command chain that keep the file's own formatting.</summary>
internal static class RunEditing
{
    /// <summary>
    /// Appends commands to the end of a RUN's chain with <c>&amp;&amp;</c>. A one-line RUN that already chains commands
    /// on its line stays one line while it is short; otherwise each command goes on its own continued line in the
    /// file's chain style: a new <c>a &amp;&amp; b</c> on one line is what peer linters (tally's
    /// newline-per-chained-call) report. Appending with <c>&amp;&amp;</c> after any script keeps its meaning: a RUN
    /// fails exactly when its last and-or list fails.
    /// </summary>
    public static TextEdit Append(RunCommand run, IReadOnlyList<string> commands, IReadOnlyList<string> comments, ChainStyle fileStyle)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(commands);
        ArgumentNullException.ThrowIfNull(comments);
        ArgumentNullException.ThrowIfNull(fileStyle);
        var style = fileStyle.For(run.Instruction);
        var source = run.Instruction.Source;
        var line = source.Lines[source.GetLineIndex(run.ContentEnd - 1)];
        var single = " && " + string.Join(" && ", commands);
        var chainsOnItsLine = TopLevelUnits(run.Script).Any(u => u.Connector is ShellConnector.And or ShellConnector.Or);
        if (!run.IsMultiLine && chainsOnItsLine && comments.Count == 0 && (run.CommandEnd - line.Start) + single.Length <= ChainStyle.MaxSingleLine)
        {
            return TextEdit.Insert(run.ContentEnd, single);
        }

        var text = style.ContinuedWithComments(comments) + string.Join(style.Continued, commands);
        return TextEdit.Insert(run.ContentEnd, text);
    }

    /// <summary>The comment lines directly above an instruction (no blank line between), top first.</summary>
    public static ImmutableArray<CommentSyntax> AttachedComments(DockerfileSyntax syntax, InstructionSyntax instruction)
    {
        ArgumentNullException.ThrowIfNull(syntax);
        ArgumentNullException.ThrowIfNull(instruction);
        var index = syntax.IndexOf(instruction);
        var comments = new List<CommentSyntax>();
        for (var i = index - 1; i >= 0 && syntax.Constructs[i] is CommentSyntax comment; i--)
        {
            comments.Insert(0, comment);
        }

        return [.. comments];
    }

    /// <summary>True when a comment is a pragma (dockeropt or hadolint) that must stay right above its instruction.</summary>
    public static bool IsPragma(CommentSyntax comment)
    {
        ArgumentNullException.ThrowIfNull(comment);
        var text = comment.Comment.Value.TrimStart('#', ' ', '\t');
        return text.StartsWith("dockeropt", StringComparison.OrdinalIgnoreCase) || text.StartsWith("hadolint", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("syntax", StringComparison.OrdinalIgnoreCase) || text.StartsWith("check", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The span that removes one top-level command of a RUN together with the operator that joins it: from the end of
    /// the previous command (or, for the first command, up to the start of the next one). Null when the command is
    /// not a whole top-level pipeline joined by <c>&amp;&amp;</c> or <c>;</c>, or is the only command.
    /// </summary>
    public static TextSpan? RemovalSpan(RunCommand run, ShellSimpleCommand command)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(command);
        var units = TopLevelUnits(run.Script);
        var index = units.IndexOf(command.Span);
        if (index < 0 || units.Count < 2)
        {
            return null;
        }

        if (index > 0)
        {
            if (units[index].Connector is not (ShellConnector.And or ShellConnector.Semicolon or ShellConnector.Newline))
            {
                return null;
            }

            if (index + 1 < units.Count && units[index + 1].Connector == ShellConnector.Or)
            {
                return null;
            }

            var start = run.SourceEnd(units[index - 1].Span.End);
            return TextSpan.FromBounds(start, run.SourceSpan(command.Span).End);
        }

        if (units[1].Connector is not (ShellConnector.And or ShellConnector.Semicolon or ShellConnector.Newline))
        {
            return null;
        }

        return TextSpan.FromBounds(run.SourceSpan(command.Span).Start, run.SourceSpan(new ShellSpan(units[1].Span.Start, 0)).Start);
    }

    /// <summary>
    /// The spans that remove a set of top-level commands (by index in <see cref="TopLevelUnits"/>) with the operators
    /// that join them. Null when one of them is joined by <c>||</c> (or followed by one), or when nothing would remain.
    /// </summary>
    public static List<TextSpan>? RemoveUnits(RunCommand run, IReadOnlySet<int> remove)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(remove);
        var units = TopLevelUnits(run.Script);
        if (remove.Count == 0)
        {
            return [];
        }

        if (remove.Count >= units.Count || remove.Any(i => i < 0 || i >= units.Count))
        {
            return null;
        }

        foreach (var i in remove)
        {
            if ((i > 0 && units[i].Connector is not (ShellConnector.And or ShellConnector.Semicolon or ShellConnector.Newline))
                || (i + 1 < units.Count && units[i + 1].Connector is not (ShellConnector.And or ShellConnector.Semicolon or ShellConnector.Newline)))
            {
                return null;
            }
        }

        var spans = new List<TextSpan>();
        var k = 0;
        while (k < units.Count)
        {
            if (!remove.Contains(k))
            {
                k++;
                continue;
            }

            var first = k;
            while (k < units.Count && remove.Contains(k))
            {
                k++;
            }

            var last = k - 1;
            spans.Add(first == 0
                ? TextSpan.FromBounds(run.SourceSpan(units[0].Span).Start, run.SourceSpan(new ShellSpan(units[k].Span.Start, 0)).Start)
                : TextSpan.FromBounds(run.SourceEnd(units[first - 1].Span.End), run.SourceSpan(units[last].Span).End));
        }

        return spans;
    }

    /// <summary>The span that removes one word of a command together with the blanks before it.</summary>
    public static TextSpan RemoveWord(RunCommand run, ShellSimpleCommand command, ShellWord word)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(word);
        var index = command.Words.IndexOf(word);
        var start = index > 0 ? run.SourceEnd(command.Words[index - 1].Span.End) : run.SourceSpan(word.Span).Start;
        return TextSpan.FromBounds(start, run.SourceSpan(word.Span).End);
    }

    /// <summary>The top-level pipelines of a script with the connector before each.</summary>
    public static TopLevelUnits TopLevelUnits(ShellScript script) => Layers.TopLevelUnits.Of(script);
}