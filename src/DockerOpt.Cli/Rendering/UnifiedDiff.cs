using System.Text;

using DiffPlex.Renderer;

namespace DockerOpt.Cli.Rendering;

/// <summary>
/// A git-style unified diff of two texts (DiffPlex's renderer over <see cref="LineDiff"/>), coloured with ANSI escapes
/// on a terminal and plain when piped. Line endings are compared as text: a CRLF file rewritten in CRLF shows only the
/// lines that changed.
/// </summary>
public static class UnifiedDiff
{
    private const string Red = "\u001b[31m";
    private const string Green = "\u001b[32m";
    private const string Cyan = "\u001b[36m";
    private const string Bold = "\u001b[1m";
    private const string Reset = "\u001b[0m";

    private static readonly UnidiffRenderer Renderer = new(contextLines: 3);

    public static string Render(string oldText, string newText, string oldName, string newName, bool colour)
    {
        ArgumentNullException.ThrowIfNull(oldText);
        ArgumentNullException.ThrowIfNull(newText);
        var lines = LineDiff.Lines(oldText.Replace("\r\n", "\n", StringComparison.Ordinal), newText.Replace("\r\n", "\n", StringComparison.Ordinal));
        var diff = Renderer.Generate(lines, oldName, newName);
        if (!colour)
        {
            return diff;
        }

        var builder = new StringBuilder(diff.Length + 256);
        foreach (var line in diff.Split('\n'))
        {
            var prefix = line.StartsWith("---", StringComparison.Ordinal) || line.StartsWith("+++", StringComparison.Ordinal) ? Bold
                : line.StartsWith("@@", StringComparison.Ordinal) ? Cyan
                : line.StartsWith('+') ? Green
                : line.StartsWith('-') ? Red
                : null;
            builder.Append(prefix is null ? line : prefix + line + Reset).Append('\n');
        }

        return builder.ToString(0, builder.Length - 1);
    }
}