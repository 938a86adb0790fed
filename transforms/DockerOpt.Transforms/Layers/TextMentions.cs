using System.Text.RegularExpressions;

using DockerOpt.Core.Shell.Commands;

namespace DockerOpt.Transforms.Layers;

/// <summary>
/// Word-level "does this instruction mention X" checks, used where a pass must know that nothing in between uses a
/// cache or a file. Deliberately textual (it also sees exec-form and heredoc RUNs): a false hit only makes a pass
/// decline.
/// </summary>
internal static class TextMentions
{
    /// <summary>True when the text names a program that uses the cache (<see cref="PackageManagerFacts.ProgramsUsing"/>).</summary>
    public static bool MentionsManager(string text, PackageCache cache)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(cache);
        foreach (var name in PackageManagerFacts.ProgramsUsing(cache))
        {
            if (MentionsWord(text, name))
            {
                return true;
            }
        }

        return false;
    }

    public static bool MentionsWord(string text, string word)
    {
        ArgumentNullException.ThrowIfNull(text);

        // The pattern matches only where the word itself occurs: an ordinal search answers most calls without building
        // a regex (the per-pattern regex cache holds 15, far fewer than the program names asked about per instruction).
        return text.Contains(word, StringComparison.Ordinal)
            && Regex.IsMatch(text, $@"(?<![\w.-]){Regex.Escape(word)}(?![\w-])", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    /// <summary>True when the text names the path or, for a file, its base name.</summary>
    public static bool MentionsPath(string text, string path)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(path);
        var trimmed = path.TrimEnd('*', '/');
        var name = trimmed[(trimmed.LastIndexOf('/') + 1)..];
        return (trimmed.Length > 0 && text.Contains(trimmed, StringComparison.Ordinal))
            || (name.Length > 0 && text.Contains(name, StringComparison.Ordinal));
    }
}