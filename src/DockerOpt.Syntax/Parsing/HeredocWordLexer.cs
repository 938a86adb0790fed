using System.Text;

namespace DockerOpt.Syntax;

/// <summary>
/// The part of BuildKit's shell lexer (<c>shell.Lex.ProcessWords</c>) that heredoc detection relies on: split on
/// whitespace, keep quoted text together, resolve or keep quotes and backslash escapes, keep <c>${...}</c> whole.
/// Variables are never expanded (BuildKit runs it with an empty environment and <c>SkipUnsetEnv</c>).
/// </summary>
internal static class HeredocWordLexer
{
    /// <summary>The words of <c>text[start..end)</c>, or <c>null</c> when the lexer would fail (unclosed quote).</summary>
    public static List<LogicalWord>? Split(string text, int start, int end, bool rawQuotes, bool rawEscapes)
    {
        var words = new List<LogicalWord>();
        var word = new StringBuilder();
        bool inWord = false;
        int wordStart = start;
        int i = start;
        while (i < end)
        {
            char c = text[i];
            if (Chars.IsSpace(c))
            {
                if (inWord)
                {
                    words.Add(new LogicalWord(wordStart, i, word.ToString()));
                    inWord = false;
                }

                i++;
                continue;
            }

            if (!inWord)
            {
                inWord = true;
                wordStart = i;
                word.Clear();
            }

            switch (c)
            {
                case '\'':
                    {
                        int close = text.IndexOf('\'', i + 1, end - i - 1);
                        if (close < 0)
                        {
                            return null;
                        }

                        word.Append(text, rawQuotes ? i : i + 1, rawQuotes ? close - i + 1 : close - i - 1);
                        i = close + 1;
                        break;
                    }

                case '"':
                    {
                        int? next = ReadDoubleQuoted(text, i, end, word, rawQuotes, rawEscapes);
                        if (next is null)
                        {
                            return null;
                        }

                        i = next.Value;
                        break;
                    }

                case '\\':
                    if (rawEscapes)
                    {
                        word.Append(c);
                    }

                    if (i + 1 < end)
                    {
                        word.Append(text[i + 1]);
                    }

                    i += 2;
                    break;

                case '<' when i + 1 < end && text[i + 1] == '<':
                    {
                        // BuildKit's processPossibleHeredoc: `<< EOF` and `<<- EOF` stay one word, whitespace included.
                        int next = i + 2;
                        if (next < end && text[next] == '-')
                        {
                            next++;
                        }

                        while (next < end && text[next] is ' ' or '\t')
                        {
                            next++;
                        }

                        word.Append(text, i, next - i);
                        i = next;
                        break;
                    }

                case '$' when i + 1 < end && text[i + 1] == '{':
                    {
                        int close = text.IndexOf('}', i + 2, end - i - 2);
                        if (close < 0)
                        {
                            return null;
                        }

                        word.Append(text, i, close - i + 1);
                        i = close + 1;
                        break;
                    }

                default:
                    word.Append(c);
                    i++;
                    break;
            }
        }

        if (inWord)
        {
            words.Add(new LogicalWord(wordStart, Math.Min(i, end), word.ToString()));
        }

        return words;
    }

    private static int? ReadDoubleQuoted(string text, int open, int end, StringBuilder word, bool rawQuotes, bool rawEscapes)
    {
        if (rawQuotes)
        {
            word.Append('"');
        }

        int i = open + 1;
        while (i < end)
        {
            char c = text[i];
            if (c == '"')
            {
                if (rawQuotes)
                {
                    word.Append('"');
                }

                return i + 1;
            }

            if (c == '\\' && i + 1 < end && text[i + 1] is '"' or '$' or '\\')
            {
                if (rawEscapes)
                {
                    word.Append('\\');
                }

                word.Append(text[i + 1]);
                i += 2;
                continue;
            }

            word.Append(c);
            i++;
        }

        return null;
    }
}