using System.Text;

namespace DockerOpt.Core.Editing;

/// <summary>Applies non-overlapping text edits to a source text in one linear pass.</summary>
public static class EditApplier
{
    /// <summary>
    /// Applies <paramref name="edits"/> to <paramref name="text"/>. Insertions at the same position keep
    /// the order they were given in. Overlapping replacements are rejected rather than guessed at.
    /// </summary>
    public static string Apply(string text, IEnumerable<TextEdit> edits)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(edits);

        var ordered = edits
            .Select((edit, index) => (edit, index))
            .OrderBy(pair => pair.edit.Span.Start)
            .ThenBy(pair => pair.edit.Span.Length)
            .ThenBy(pair => pair.index)
            .Select(pair => pair.edit)
            .ToList();
        if (ordered.Count == 0)
        {
            return text;
        }

        // The exact length up front: one buffer, not a chain of chunks that ToString copies again.
        var length = text.Length;
        foreach (var edit in ordered)
        {
            length += edit.NewText.Length - edit.Span.Length;
        }

        var builder = new StringBuilder(Math.Max(length, 0));
        var position = 0;
        foreach (var edit in ordered)
        {
            if (edit.Span.Start < position)
            {
                throw new OverlappingEditsException(
                    $"Edit at {edit.Span.Start}..{edit.Span.Start + edit.Span.Length} overlaps an earlier edit ending at {position}.");
            }

            if (edit.Span.Start + edit.Span.Length > text.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(edits), $"Edit at {edit.Span.Start} runs past the end of the text ({text.Length}).");
            }

            builder.Append(text, position, edit.Span.Start - position).Append(edit.NewText);
            position = edit.Span.Start + edit.Span.Length;
        }

        return builder.Append(text, position, text.Length - position).ToString();
    }
}