using DockerOpt.Syntax;

namespace DockerOpt.Core.Editing;

/// <summary>
/// Replace the text of <paramref name="Span"/> in the ORIGINAL source with <paramref name="NewText"/>.
/// An empty span is an insertion. Passes return edits against the text they were given, never a whole new
/// file, so untouched bytes are copied verbatim and the diff a reviewer reads stays minimal.
/// </summary>
public sealed record TextEdit(TextSpan Span, string NewText)
{
    public static TextEdit Insert(int position, string text) => new(new TextSpan(position, 0), text);

    public static TextEdit Replace(TextSpan span, string text) => new(span, text);

    public static TextEdit Delete(TextSpan span) => new(span, string.Empty);
}