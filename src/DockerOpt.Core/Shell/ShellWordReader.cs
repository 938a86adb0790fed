using System.Text;

namespace DockerOpt.Core.Shell;

/// <summary>
/// Works out the value of a shell word (quote removal, escapes) and what it contains. The value is null as soon as
/// the word holds an expansion, since it then depends on the environment.
/// </summary>
internal static class ShellWordReader
{
    private static readonly System.Buffers.SearchValues<char> Special = System.Buffers.SearchValues.Create("\\'\"$`*?[~");

    public static ShellWord Read(string text, int start, int end, char? dockerfileEscape)
    {
        string raw = text[start..end];
        ShellSpan span = ShellSpan.FromBounds(start, end);
        if (raw.AsSpan().IndexOfAny(Special) < 0 && (dockerfileEscape is not { } e || !raw.Contains(e, StringComparison.Ordinal)))
        {
            return new ShellWord(span, raw, raw, ShellWordTraits.None);
        }

        (string? value, ShellWordTraits flags) = Evaluate(text, start, end, dockerfileEscape);
        return new ShellWord(span, raw, value, flags);
    }

    private static (string? Value, ShellWordTraits Flags) Evaluate(string text, int start, int end, char? dockerfileEscape)
    {
        StringBuilder value = new(end - start);
        ShellWordTraits flags = ShellWordTraits.None;
        int i = start;
        while (i < end)
        {
            int continuation = DockerfileContinuation(text, i, end, dockerfileEscape);
            if (continuation > 0)
            {
                i += continuation;
                continue;
            }

            char c = text[i];
            switch (c)
            {
                case '\\':
                    i = ReadEscape(text, i, end, value, ref flags);
                    break;
                case '\'':
                    {
                        int close = text.IndexOf('\'', i + 1, end - i - 1);
                        int stop = close < 0 ? end : close;
                        value.Append(text, i + 1, stop - i - 1);
                        flags |= ShellWordTraits.Quoted;
                        i = close < 0 ? end : close + 1;
                        break;
                    }

                case '"':
                    i = ReadDoubleQuoted(text, i + 1, end, value, ref flags);
                    break;
                case '$':
                    i = ReadDollar(text, i, end, value, ref flags);
                    break;
                case '`':
                    flags |= ShellWordTraits.Expansion | ShellWordTraits.CommandSubstitution;
                    i = Clamp(ShellScanner.SkipBackticks(text, i + 1), end);
                    break;
                case '*' or '?' or '[':
                    flags |= ShellWordTraits.Glob;
                    value.Append(c);
                    i++;
                    break;
                case '~' when i == start:
                    flags |= ShellWordTraits.Expansion;
                    i++;
                    break;
                default:
                    value.Append(c);
                    i++;
                    break;
            }
        }

        return ((flags & ShellWordTraits.Expansion) != 0 ? null : value.ToString(), flags);
    }

    private static int Clamp(int index, int end) => index < 0 || index > end ? end : index;

    private static int DockerfileContinuation(string text, int i, int end, char? escape)
    {
        if (escape is not { } e || text[i] != e)
        {
            return 0;
        }

        int j = i + 1;
        while (j < end && text[j] is ' ' or '\t')
        {
            j++;
        }

        if (j < end && text[j] == '\n')
        {
            return j + 1 - i;
        }

        return j + 1 < end && text[j] == '\r' && text[j + 1] == '\n' ? j + 2 - i : 0;
    }

    private static int ReadEscape(string text, int i, int end, StringBuilder value, ref ShellWordTraits flags)
    {
        if (i + 1 >= end)
        {
            value.Append('\\');
            return end;
        }

        char next = text[i + 1];
        if (next == '\n')
        {
            return i + 2;
        }

        if (next == '\r' && i + 2 < end && text[i + 2] == '\n')
        {
            return i + 3;
        }

        flags |= ShellWordTraits.Quoted;
        value.Append(next);
        return i + 2;
    }

    private static int ReadDoubleQuoted(string text, int i, int end, StringBuilder value, ref ShellWordTraits flags)
    {
        flags |= ShellWordTraits.Quoted;
        while (i < end)
        {
            char c = text[i];
            switch (c)
            {
                case '"':
                    return i + 1;
                case '\\' when i + 1 < end && text[i + 1] is '$' or '`' or '"' or '\\':
                    value.Append(text[i + 1]);
                    i += 2;
                    break;
                case '\\' when i + 1 < end && text[i + 1] == '\n':
                    i += 2;
                    break;
                case '$':
                    i = ReadDollar(text, i, end, value, ref flags);
                    break;
                case '`':
                    flags |= ShellWordTraits.Expansion | ShellWordTraits.CommandSubstitution;
                    i = Clamp(ShellScanner.SkipBackticks(text, i + 1), end);
                    break;
                default:
                    value.Append(c);
                    i++;
                    break;
            }
        }

        return end;
    }

    private static int ReadDollar(string text, int i, int end, StringBuilder value, ref ShellWordTraits flags)
    {
        char next = i + 1 < end ? text[i + 1] : '\0';
        if (next == '(')
        {
            bool arithmetic = i + 2 < end && text[i + 2] == '(';
            flags |= arithmetic ? ShellWordTraits.Expansion : ShellWordTraits.Expansion | ShellWordTraits.CommandSubstitution;
            return Clamp(ShellScanner.SkipDollar(text, i), end);
        }

        if (next == '{')
        {
            flags |= ShellWordTraits.Expansion;
            return Clamp(ShellScanner.SkipDollar(text, i), end);
        }

        if (next == '_' || char.IsAsciiLetter(next))
        {
            flags |= ShellWordTraits.Expansion;
            int j = i + 1;
            while (j < end && (text[j] == '_' || char.IsAsciiLetterOrDigit(text[j])))
            {
                j++;
            }

            return j;
        }

        if (char.IsAsciiDigit(next) || next is '@' or '*' or '#' or '?' or '-' or '$' or '!')
        {
            flags |= ShellWordTraits.Expansion;
            return i + 2;
        }

        value.Append('$');
        return i + 1;
    }
}