using System.Text;

namespace DockerOpt.Syntax;

/// <summary>BuildKit's two ways of splitting arguments into words (line_parsers.go).</summary>
internal static class WordSplitter
{
    /// <summary>
    /// <c>parseStringsWhitespaceDelimited</c>: split on runs of <c>[\t\v\f\r ]</c>. The range is already trimmed.
    /// </summary>
    public static List<LogicalWord> SplitOnWhitespace(string text, int start, int end)
    {
        var words = new List<LogicalWord>();
        int i = start;
        while (i < end)
        {
            int wordStart = i;
            while (i < end && !Chars.IsTokenSeparator(text[i]))
            {
                i++;
            }

            words.Add(new LogicalWord(wordStart, i, text[wordStart..i]));
            while (i < end && Chars.IsTokenSeparator(text[i]))
            {
                i++;
            }
        }

        return words;
    }

    /// <summary>
    /// <c>parseWords</c>: quote-aware splitting for ARG, ENV and LABEL that keeps quotes and escape chars in the
    /// words; only an escape char at the very end of the input is dropped.
    /// </summary>
    public static List<LogicalWord> ParseWords(string text, int start, int end, char escape)
    {
        const int InSpaces = 0;
        const int InWord = 1;
        const int InQuote = 2;

        var words = new List<LogicalWord>();
        StringBuilder builder = CachedBuilder ?? new StringBuilder();
        CachedBuilder = null;
        builder.Clear();
        int phase = InSpaces;
        char quote = '\0';
        bool blankOk = false;
        int wordStart = start;
        int wordEnd = start;

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

                phase = InWord;
                wordStart = pos;
            }

            if (pos == end)
            {
                if (blankOk || builder.Length > 0)
                {
                    words.Add(new LogicalWord(wordStart, wordEnd, builder.ToString()));
                }

                break;
            }

            if (phase == InWord)
            {
                if (Chars.IsSpace(ch))
                {
                    phase = InSpaces;
                    if (blankOk || builder.Length > 0)
                    {
                        words.Add(new LogicalWord(wordStart, wordEnd, builder.ToString()));
                    }

                    builder.Clear();
                    blankOk = false;
                    continue;
                }

                if (ch is '\'' or '"')
                {
                    quote = ch;
                    blankOk = true;
                    phase = InQuote;
                }

                if (ch == escape)
                {
                    if (pos + 1 == end)
                    {
                        wordEnd = pos + 1;
                        continue;
                    }

                    builder.Append(ch);
                    pos++;
                    ch = text[pos];
                }

                builder.Append(ch);
                wordEnd = pos + 1;
                continue;
            }

            // InQuote: the escape char is special except inside single quotes.
            if (ch == quote)
            {
                phase = InWord;
            }

            if (ch == escape && quote != '\'')
            {
                if (pos + 1 == end)
                {
                    phase = InWord;
                    wordEnd = pos + 1;
                    continue;
                }

                pos++;
                builder.Append(ch);
                ch = text[pos];
            }

            builder.Append(ch);
            wordEnd = pos + 1;
        }

        CachedBuilder = builder;
        return words;
    }

    // One builder for the words of every instruction, per thread (the parser may run on several).
    [ThreadStatic]
    private static StringBuilder? CachedBuilder;
}