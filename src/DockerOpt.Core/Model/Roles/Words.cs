namespace DockerOpt.Core.Model.Roles;

/// <summary>Whole-word search in command text: <c>gosu</c> in <c>exec gosu app "$@"</c>, not in <c>legosuite</c>.</summary>
internal static class Words
{
    /// <summary>The first of <paramref name="words"/> that occurs in <paramref name="text"/> as a whole word (a path's last segment counts).</summary>
    public static string? FindAny(string text, IEnumerable<string> words)
    {
        foreach (var word in words)
        {
            if (Contains(text, word))
            {
                return word;
            }
        }

        return null;
    }

    public static bool Contains(string text, string word)
    {
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            var before = at == 0 ? ' ' : text[at - 1];
            var end = at + word.Length;
            var after = end >= text.Length ? ' ' : text[end];
            if (!IsWordChar(before) && before != '-' && !IsWordChar(after) && after != '-')
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '.';
}