namespace DockerOpt.Syntax;

/// <summary>A heredoc marker word found on an instruction line, before its body is read.</summary>
internal sealed record HeredocMarker(int LogicalStart, int LogicalEnd, string Name, int FileDescriptor, bool StripTabs, bool Expand)
{
    /// <summary>
    /// BuildKit's <c>heredocsFromLine</c>: every word of the line matching <c>^(\d*)&lt;&lt;(-?)\s*([^&lt;]*)$</c> whose
    /// delimiter is a single shell word.
    /// </summary>
    public static IReadOnlyList<HeredocMarker> FindAll(string line)
    {
        if (!line.Contains("<<", StringComparison.Ordinal))
        {
            return [];
        }

        List<LogicalWord>? words = HeredocWordLexer.Split(line, 0, line.Length, rawQuotes: true, rawEscapes: true);
        if (words is null)
        {
            return [];
        }

        var markers = new List<HeredocMarker>();
        foreach (LogicalWord word in words)
        {
            if (TryParse(word) is { } marker)
            {
                markers.Add(marker);
            }
        }

        return markers;
    }

    private static HeredocMarker? TryParse(LogicalWord word)
    {
        string raw = word.Value;
        int digits = 0;
        while (digits < raw.Length && raw[digits] is >= '0' and <= '9')
        {
            digits++;
        }

        if (string.CompareOrdinal(raw, digits, "<<", 0, 2) != 0)
        {
            return null;
        }

        int restStart = digits + 2;
        bool stripTabs = restStart < raw.Length && raw[restStart] == '-';
        if (stripTabs)
        {
            restStart++;
        }

        // `^(\d*)<<(-?)\s*([^<]*)$`: whitespace between the marker and the delimiter is allowed.
        while (restStart < raw.Length && Chars.IsRegexSpace(raw[restStart]))
        {
            restStart++;
        }

        string rest = raw[restStart..];
        if (rest.Length == 0 || rest.Contains('<', StringComparison.Ordinal))
        {
            return null;
        }

        List<LogicalWord>? unquoted = HeredocWordLexer.Split(rest, 0, rest.Length, rawQuotes: false, rawEscapes: false);
        List<LogicalWord>? quoted = HeredocWordLexer.Split(rest, 0, rest.Length, rawQuotes: true, rawEscapes: false);
        if (unquoted is not { Count: 1 } || quoted is not { Count: 1 })
        {
            return null;
        }

        string name = unquoted[0].Value;
        bool expand = CountQuotes(name) == CountQuotes(quoted[0].Value);
        int fd = 0;
        if (digits > 0 && !int.TryParse(raw.AsSpan(0, digits), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out fd))
        {
            fd = 0;
        }

        return new HeredocMarker(word.Start, word.End, name, fd, stripTabs, expand);
    }

    private static int CountQuotes(string text)
    {
        int count = 0;
        foreach (char c in text)
        {
            if (c is '\'' or '"')
            {
                count++;
            }
        }

        return count;
    }
}