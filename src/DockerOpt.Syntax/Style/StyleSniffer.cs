namespace DockerOpt.Syntax;

/// <summary>Finds the <see cref="DockerfileStyle"/> of a parsed file by majority vote over its lines and keywords.</summary>
public static class StyleSniffer
{
    public static DockerfileStyle Sniff(DockerfileSyntax syntax)
    {
        ArgumentNullException.ThrowIfNull(syntax);
        SourceText source = syntax.Source;

        int crlf = 0;
        int lf = 0;
        foreach (TextLine line in source.Lines)
        {
            if (line.Ending == LineEnding.CrLf)
            {
                crlf++;
            }
            else if (line.Ending == LineEnding.Lf)
            {
                lf++;
            }
        }

        int upper = 0;
        int lower = 0;
        var indents = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (InstructionSyntax instruction in syntax.Instructions)
        {
            string keyword = instruction.Keyword.Value;
            if (!HasAny(keyword, char.IsLower))
            {
                upper++;
            }
            else if (!HasAny(keyword, char.IsUpper))
            {
                lower++;
            }

            CountContinuationIndents(source, instruction, indents);
        }

        DockerfileStyle fallback = DockerfileStyle.Default;
        string indent = indents.Count == 0
            ? fallback.ContinuationIndent
            : indents.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).First().Key;
        bool endsWithNewLine = source.Lines.IsEmpty || source.Lines[^1].Ending != LineEnding.None;

        return new DockerfileStyle(
            crlf > lf ? "\r\n" : "\n",
            lower > upper ? KeywordCase.Lower : KeywordCase.Upper,
            indent,
            syntax.EscapeChar,
            endsWithNewLine);
    }

    // The leading whitespace of every non-comment line after the first in an instruction's head.
    // A loop over the string, not Enumerable.Any: that allocated an enumerator per instruction of every text.
    private static bool HasAny(string text, Func<char, bool> test)
    {
        foreach (char c in text)
        {
            if (test(c))
            {
                return true;
            }
        }

        return false;
    }

    private static void CountContinuationIndents(SourceText source, InstructionSyntax instruction, Dictionary<string, int> indents)
    {
        int firstIndex = instruction.StartLine - 1;
        int lastIndex = instruction.Heredocs.IsEmpty
            ? instruction.EndLine - 1
            : source.GetLineIndex(instruction.Heredocs[0].Body.Span.Start) - 1;
        for (int i = firstIndex + 1; i <= lastIndex && i < source.Lines.Length; i++)
        {
            TextLine line = source.Lines[i];
            int first = line.Start;
            while (first < line.ContentEnd && source[first] is ' ' or '\t')
            {
                first++;
            }

            if (first == line.ContentEnd || source[first] == '#' || first == line.Start)
            {
                continue;
            }

            string indent = source.Text[line.Start..first];
            indents[indent] = indents.GetValueOrDefault(indent) + 1;
        }
    }
}