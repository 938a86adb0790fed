namespace DockerOpt.Transforms.ExecForm;

/// <summary>
/// Rewrites the legacy <c>ENV key value with spaces</c> (and <c>LABEL key value</c>) as <c>key=value</c> with the
/// same value. BuildKit takes a legacy value as the raw rest of the line and then expands it as ONE word (quotes
/// removed, variables expanded, inner whitespace kept); a <c>key=value</c> pair is split on unquoted whitespace
/// first. So a value that is already one word is kept verbatim, a value with plain spaces is wrapped in double
/// quotes (which keep the spaces and still expand variables), and anything with quotes or escapes AND spaces is
/// left alone rather than guessed at.
/// </summary>
public static class LegacyKeyValue
{
    /// <summary>The <c>key=value</c> text, or null when the value cannot be carried over exactly.</summary>
    public static string? Rewrite(string key, string rawValue, char escapeChar)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(rawValue);
        if (key.Length == 0 || key.Contains('=', StringComparison.Ordinal))
        {
            return null;
        }

        if (IsOneWord(rawValue, escapeChar))
        {
            return key + "=" + rawValue;
        }

        if (rawValue.IndexOfAny(['"', '\'', '\\', '`', escapeChar]) >= 0)
        {
            return null;
        }

        return key + "=\"" + rawValue + "\"";
    }

    // BuildKit's parseWords: whitespace outside quotes separates words; the escape char protects the next char.
    private static bool IsOneWord(string value, char escapeChar)
    {
        if (value.Length == 0)
        {
            return false;
        }

        char quote = '\0';
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == escapeChar)
            {
                i++;
                continue;
            }

            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (char.IsWhiteSpace(c))
            {
                return false;
            }
        }

        return quote == '\0';
    }
}