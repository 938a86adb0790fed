using System.Text;
using System.Text.RegularExpressions;

namespace DockerOpt.Transforms.DockerIgnore;

/// <summary>
/// One .dockerignore pattern compiled the way moby/patternmatcher compiles it: <c>*</c> and <c>?</c> never cross a
/// slash, <c>**</c> crosses any number of directories (zero included), <c>[...]</c> is a character class,
/// <c>\</c> escapes the next char, and a pattern without wildcards is an exact comparison. A leading <c>!</c> makes
/// it an exception (it re-includes what earlier patterns excluded).
/// </summary>
public sealed class IgnorePattern
{
    private readonly MatchType matchType;
    private readonly Regex? regex;

    private IgnorePattern(string text, string cleaned, bool isException, MatchType matchType, Regex? regex)
    {
        Text = text;
        Cleaned = cleaned;
        IsException = isException;
        this.matchType = matchType;
        this.regex = regex;
    }

    private enum MatchType
    {
        Exact,
        Prefix,
        Suffix,
        Regex,
    }

    /// <summary>The pattern as given (after the reader's trimming).</summary>
    public string Text { get; }

    /// <summary>The cleaned pattern without its <c>!</c>.</summary>
    public string Cleaned { get; }

    public bool IsException { get; }

    /// <summary>
    /// Compiles a pattern as <c>patternmatcher.New</c> does (trim, <c>path.Clean</c>, <c>!</c>), or returns null for
    /// a pattern Docker rejects (a lone <c>!</c>, an unclosed <c>[</c>, a trailing <c>\</c>): such a file fails the build.
    /// </summary>
    public static IgnorePattern? TryCreate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return null;
        }

        var cleaned = SlashPath.Clean(trimmed);
        var isException = cleaned[0] == '!';
        if (isException)
        {
            if (cleaned.Length == 1)
            {
                return null;
            }

            cleaned = cleaned[1..];
        }

        if (!GlobSyntax.IsValid(cleaned))
        {
            return null;
        }

        var (type, expression) = Compile(cleaned);
        Regex? regex = null;
        if (type == MatchType.Regex)
        {
            try
            {
                regex = new Regex(expression, RegexOptions.CultureInvariant);
            }
            catch (ArgumentException)
            {
                return null;
            }
        }

        return new IgnorePattern(trimmed, cleaned, isException, type, regex);
    }

    /// <summary>Whether the pattern matches this exact cleaned, slash-separated path (no parent matching).</summary>
    public bool Matches(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        switch (matchType)
        {
            case MatchType.Exact:
                return string.Equals(path, Cleaned, StringComparison.Ordinal);
            case MatchType.Prefix:
                return path.StartsWith(Cleaned[..^2], StringComparison.Ordinal);
            case MatchType.Suffix:
                var suffix = Cleaned[2..];
                return path.EndsWith(suffix, StringComparison.Ordinal)
                    || (suffix.Length > 0 && suffix[0] == '/' && string.Equals(path, suffix[1..], StringComparison.Ordinal));
            default:
                return regex!.IsMatch(path);
        }
    }

    public override string ToString() => IsException ? "!" + Cleaned : Cleaned;

    // A port of patternmatcher's compile(): the detected type decides whether a regex is needed at all.
    private static (MatchType Type, string Expression) Compile(string pattern)
    {
        var expression = new StringBuilder("^");
        var type = MatchType.Exact;
        for (var i = 0; i < pattern.Length; i++)
        {
            var first = i == 0;
            var ch = pattern[i];
            if (ch == '*')
            {
                if (i + 1 < pattern.Length && pattern[i + 1] == '*')
                {
                    i++;
                    if (i + 1 < pattern.Length && pattern[i + 1] == '/')
                    {
                        // "**/" is "**": the slash is eaten.
                        i++;
                    }

                    if (i + 1 >= pattern.Length)
                    {
                        // "**" at the end accepts everything below, as in .gitignore.
                        if (type == MatchType.Exact)
                        {
                            type = MatchType.Prefix;
                        }
                        else
                        {
                            expression.Append(".*");
                            type = MatchType.Regex;
                        }
                    }
                    else
                    {
                        expression.Append("(.*/)?");
                        type = MatchType.Regex;
                    }

                    if (first)
                    {
                        type = MatchType.Suffix;
                    }
                }
                else
                {
                    expression.Append("[^/]*");
                    type = MatchType.Regex;
                }
            }
            else if (ch == '?')
            {
                expression.Append("[^/]");
                type = MatchType.Regex;
            }
            else if (".+()|{}$".Contains(ch, StringComparison.Ordinal))
            {
                expression.Append('\\').Append(ch);
            }
            else if (ch == '\\')
            {
                if (i + 1 < pattern.Length)
                {
                    expression.Append('\\').Append(pattern[++i]);
                    type = MatchType.Regex;
                }
                else
                {
                    expression.Append(@"\\");
                }
            }
            else if (ch is '[' or ']')
            {
                expression.Append(ch);
                type = MatchType.Regex;
            }
            else
            {
                expression.Append(ch);
            }
        }

        // Go's "$" (no multi-line flag) is the end of the text; .NET's "$" would also match before a final newline.
        expression.Append(@"\z");
        return (type, expression.ToString());
    }
}