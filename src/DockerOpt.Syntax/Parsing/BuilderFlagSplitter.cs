using System.Text;

namespace DockerOpt.Syntax;

/// <summary>
/// BuildKit's <c>extractBuilderFlags</c>: leading words starting with <c>--</c> are flags (quotes removed, backslash
/// escapes resolved); the first other word, or a lone <c>--</c>, ends them.
/// </summary>
internal static class BuilderFlagSplitter
{
    /// <summary>Returns the flags and the logical offset where the remaining arguments start.</summary>
    public static (List<LogicalWord> Flags, int RestStart) Split(string text, int start, int end)
    {
        const int InSpaces = 0;
        const int InWord = 1;
        const int InQuote = 2;

        int first = start;
        while (first < end && Chars.IsSpace(text[first]))
        {
            first++;
        }

        if (end - first < 2 || text[first] != '-' || text[first + 1] != '-')
        {
            return ([], first);
        }

        var flags = new List<LogicalWord>();
        var word = new StringBuilder();
        int phase = InSpaces;
        char quote = '\0';
        bool blankOk = false;
        int wordStart = start;

        for (int pos = start; pos <= end; pos++)
        {
            char ch = pos < end ? text[pos] : '\0';
            if (phase == InSpaces)
            {
                if (pos == end)
                {
                    break;
                }

                if (Chars.IsSpace(ch))
                {
                    continue;
                }

                if (ch != '-' || pos + 1 == end || text[pos + 1] != '-')
                {
                    return (flags, pos);
                }

                phase = InWord;
                wordStart = pos;
            }

            if (pos == end)
            {
                if (!IsDoubleDash(word) && (blankOk || word.Length > 0))
                {
                    flags.Add(new LogicalWord(wordStart, pos, word.ToString()));
                }

                break;
            }

            if (phase == InWord)
            {
                if (Chars.IsSpace(ch))
                {
                    phase = InSpaces;
                    if (IsDoubleDash(word))
                    {
                        return (flags, pos);
                    }

                    if (blankOk || word.Length > 0)
                    {
                        flags.Add(new LogicalWord(wordStart, pos, word.ToString()));
                    }

                    word.Clear();
                    blankOk = false;
                    continue;
                }

                if (ch is '\'' or '"')
                {
                    quote = ch;
                    blankOk = true;
                    phase = InQuote;
                    continue;
                }

                if (ch == '\\')
                {
                    if (pos + 1 == end)
                    {
                        continue;
                    }

                    pos++;
                    ch = text[pos];
                }

                word.Append(ch);
                continue;
            }

            if (ch == quote)
            {
                phase = InWord;
                continue;
            }

            if (ch == '\\')
            {
                if (pos + 1 == end)
                {
                    phase = InWord;
                    continue;
                }

                pos++;
                ch = text[pos];
            }

            word.Append(ch);
        }

        return (flags, end);
    }

    private static bool IsDoubleDash(StringBuilder word) => word.Length == 2 && word[0] == '-' && word[1] == '-';
}