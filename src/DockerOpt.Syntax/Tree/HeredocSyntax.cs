namespace DockerOpt.Syntax;

/// <summary>
/// A heredoc attached to RUN/COPY/ADD: the marker word on the instruction line (<c>&lt;&lt;-"EOF"</c>), the body
/// lines and the terminator line. <see cref="Content"/> is the body exactly as BuildKit's parser stores it (line
/// terminators included, tabs not yet stripped); <see cref="StripTabs"/> is BuildKit's <c>Chomp</c> (<c>&lt;&lt;-</c>)
/// and <see cref="Expand"/> is false when any part of the delimiter was quoted.
/// </summary>
public sealed record HeredocSyntax
{
    public required string Name { get; init; }

    /// <summary>The exact marker word, e.g. <c>&lt;&lt;-'EOF'</c>, with its span in the source.</summary>
    public required SyntaxToken Marker { get; init; }

    /// <summary>The descriptor written before <c>&lt;&lt;</c> (<c>3&lt;&lt;EOF</c>), or 0.</summary>
    public required int FileDescriptor { get; init; }

    public required bool StripTabs { get; init; }

    public required bool Expand { get; init; }

    /// <summary>The body lines; an empty span just before the terminator when the heredoc is empty.</summary>
    public required SyntaxToken Body { get; init; }

    /// <summary>The closing line, or <c>null</c> when the file ended first.</summary>
    public required SyntaxToken? Terminator { get; init; }

    public bool IsTerminated => Terminator is not null;

    public string Content => Body.Text;

    /// <summary>The content with leading tabs removed from every line when <see cref="StripTabs"/> is set.</summary>
    public string EffectiveContent => StripTabs ? StripLeadingTabs(Content) : Content;

    private static string StripLeadingTabs(string content)
    {
        var builder = new System.Text.StringBuilder(content.Length);
        bool atLineStart = true;
        foreach (char c in content)
        {
            if (atLineStart && c == '\t')
            {
                continue;
            }

            atLineStart = c == '\n';
            builder.Append(c);
        }

        return builder.ToString();
    }
}