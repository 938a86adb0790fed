namespace DockerOpt.Transforms.Layers;

/// <summary>
/// tally's max-lines (npm @wharflab/tally-linux-x64 0.45.0, default configuration): a file of more than 50 lines is
/// reported once, where blank lines and comment lines are not counted (continuation and heredoc lines are). Measured
/// on 0.45.0; a pass that adds lines asks whether they carry a file over the limit it kept (issue 9).
/// </summary>
internal static class LineBudget
{
    /// <summary>tally's default maximum.</summary>
    public const int MaxLines = 50;

    /// <summary>The lines tally counts in a text.</summary>
    public static int Counted(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var counted = 0;
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            var trimmed = line.Trim();
            if (!trimmed.IsEmpty && trimmed[0] != '#')
            {
                counted++;
            }
        }

        return counted;
    }

    /// <summary>True when adding <paramref name="lines"/> counted lines carries the text past the limit.</summary>
    public static bool Crosses(string text, int lines)
    {
        var counted = Counted(text);
        return counted <= MaxLines && counted + lines > MaxLines;
    }
}