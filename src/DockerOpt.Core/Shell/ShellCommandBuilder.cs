using System.Text;

namespace DockerOpt.Core.Shell;

/// <summary>
/// Joins shell commands with <c>&amp;&amp;</c> so that the result fails exactly when one of the separate RUNs would
/// have failed, and lays a long chain over several lines in a file's continuation style.
/// </summary>
/// <remarks>
/// <c>X &amp;&amp; Y</c> keeps the meaning of <c>RUN X</c> then <c>RUN Y</c> when X is anything that ends normally
/// (and-or lists are left-associative, and <c>a; b &amp;&amp; Y</c> runs Y when b, the RUN's status, succeeded), but
/// Y must be a single <c>&amp;&amp;</c> chain: <c>X &amp;&amp; a || b</c> would run b when X fails, and
/// <c>X &amp;&amp; a; b</c> would run b anyway. Such a Y is wrapped in a brace group.
/// </remarks>
public static class ShellCommandBuilder
{
    /// <summary>
    /// Why <paramref name="script"/> cannot be followed by <c> &amp;&amp; more</c> on its line, or null when it can.
    /// </summary>
    public static string? WhyCannotBeFollowed(ShellScript script)
    {
        ArgumentNullException.ThrowIfNull(script);
        if (!script.HereDocs.IsEmpty)
        {
            return "it has a here-document, whose body must follow its line";
        }

        if (script.Pieces.Any(static p => p.Kind == ShellPieceKind.Comment))
        {
            return "it has a # comment, which would swallow what follows on the line";
        }

        if (script.Root.Items.LastOrDefault()?.Terminator == ShellConnector.Background)
        {
            return "it ends with '&' (a background job)";
        }

        if (script.OpaqueParts.Any(static p => p.Reason.StartsWith("unterminated", StringComparison.Ordinal) || p.Reason.StartsWith("unclosed", StringComparison.Ordinal)))
        {
            return "it is not complete (an unterminated quote or construct)";
        }

        return null;
    }

    /// <summary>
    /// The script is a single <c>&amp;&amp;</c> chain (one and-or list, no <c>||</c>, nothing after a <c>;</c>), so it can
    /// follow <c>&amp;&amp;</c> without a group.
    /// </summary>
    public static bool IsAndOperand(ShellScript script)
    {
        ArgumentNullException.ThrowIfNull(script);
        return script.Root.Items.Length <= 1 && (script.Root.Items.Length == 0 || (script.Root.Items[0].IsAndChain && script.Root.Items[0].Terminator != ShellConnector.Background));
    }

    /// <summary><paramref name="command"/> as it must be written after <c>&amp;&amp;</c>: unchanged, or as <c>{ command; }</c>.</summary>
    public static string AsAndOperand(string command)
    {
        ArgumentNullException.ThrowIfNull(command);
        string trimmed = TrimCommand(command);
        if (IsAndOperand(ShellParser.Parse(trimmed)))
        {
            return trimmed;
        }

        return "{ " + trimmed.TrimEnd(';', ' ', '\t') + "; }";
    }

    /// <summary>Joins the commands with <c> &amp;&amp; </c> on one line, grouping any that need it.</summary>
    public static string JoinWithAnd(IEnumerable<string> commands) => Join(commands, " && ");

    /// <summary>
    /// Joins the commands with <paramref name="format"/>'s separator (for example <c>" \\\n    &amp;&amp; "</c>),
    /// grouping any that need it.
    /// </summary>
    public static string FormatChain(IEnumerable<string> commands, ShellChainFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        return Join(commands, format.Separator);
    }

    private static string Join(IEnumerable<string> commands, string separator)
    {
        ArgumentNullException.ThrowIfNull(commands);
        StringBuilder result = new();
        bool first = true;
        foreach (string command in commands)
        {
            string text = first ? TrimCommand(command) : AsAndOperand(command);
            if (text.Length == 0)
            {
                continue;
            }

            if (!first)
            {
                result.Append(separator);
            }

            result.Append(text);
            first = false;
        }

        return result.ToString();
    }

    /// <summary>Trailing blanks and newlines would end the list before the <c>&amp;&amp;</c>.</summary>
    private static string TrimCommand(string command) => command.Trim(' ', '\t', '\r', '\n');
}