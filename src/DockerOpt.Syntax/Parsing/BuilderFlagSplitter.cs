using System.Text;

namespace DockerOpt.Syntax;

/// <summary>
/// BuildKit's <c>extractBuilderFlags</c>: leading words starting with <c>--</c> are flags (quotes removed, backslash
/// escapes resolved); the first other word, or a lone <c>--</c>, ends them. BuildKit drops that <c>--</c>: it belongs
/// to neither the flags nor the arguments.
/// </summary>
internal static class BuilderFlagSplitter
{
    /// <summary>
    /// Returns the flags, the logical offset where the remaining arguments start, and the logical offset of the lone
    /// <c>--</c> that ended the flags (-1 when none did).
    /// </summary>
    public static (IReadOnlyList<LogicalWord> Flags, int RestStart, int TerminatorStart) Split(string text, int start, int end)
    {
        int first = start;
        while (first < end && Chars.IsSpace(text[first]))
        {
            first++;
        }

        if (end - first < 2 || text[first] != '-' || text[first + 1] != '-')
        {
            // Most instructions have no flag: no list for them (a new one each cost a file of 100,000 instructions 16 MB).
            return (NoFlags, first, -1);
        }

        StringBuilder word = CachedWord ?? new StringBuilder();
        CachedWord = null;
        try
        {
            return SplitFlags(text, start, end, word);
        }
        finally
        {
            word.Clear();
            CachedWord = word;
        }
    }

    private static readonly LogicalWord[] NoFlags = [];

    // One builder reused for the flags of every instruction (the parser may run on several threads: one per thread).
    [ThreadStatic]
    private static StringBuilder? CachedWord;

    private static (IReadOnlyList<LogicalWord> Flags, int RestStart, int TerminatorStart) SplitFlags(string text, int start, int end, StringBuilder word)
    {
        const int InSpaces = 0;
        const int InWord = 1;
        const int InQuote = 2;

        var flags = new List<LogicalWord>();
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
                    return (flags, pos, -1);
                }

                phase = InWord;
                wordStart = pos;
            }

            if (pos == end)
            {
                if (IsDoubleDash(word))
                {
                    return (flags, end, wordStart);
                }

                if (blankOk || word.Length > 0)
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
                        return (flags, pos, wordStart);
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

        return (flags, end, -1);
    }

    private static bool IsDoubleDash(StringBuilder word) => word.Length == 2 && word[0] == '-' && word[1] == '-';
}