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

        // Checked before anything is written; then the exact length is known and the text is built in place, with no
        // buffer that ToString would copy again (on a 2 MB file each pass that changes it paid for both).
        var length = text.Length;
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

            length += edit.NewText.Length - edit.Span.Length;
            position = edit.Span.Start + edit.Span.Length;
        }

        return string.Create(length, (text, ordered), static (target, state) =>
        {
            var (source, edits) = state;
            var at = 0;
            var read = 0;
            foreach (var edit in edits)
            {
                var kept = edit.Span.Start - read;
                source.AsSpan(read, kept).CopyTo(target[at..]);
                at += kept;
                edit.NewText.AsSpan().CopyTo(target[at..]);
                at += edit.NewText.Length;
                read = edit.Span.Start + edit.Span.Length;
            }

            source.AsSpan(read).CopyTo(target[at..]);
        });
    }
}