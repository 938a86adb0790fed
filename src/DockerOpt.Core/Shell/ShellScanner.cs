namespace DockerOpt.Core.Shell;

/// <summary>
/// Finds where quoted strings and expansions end, following the POSIX shell's quoting rules. Each method takes the
/// index just after the opening character (or of the <c>$</c>) and returns the index after the close, or -1 when
/// the text ends first.
/// </summary>
internal static class ShellScanner
{
    private static char At(string text, int index) => index < text.Length ? text[index] : '\0';

    public static int SkipSingleQuoted(string text, int index)
    {
        int close = text.IndexOf('\'', index);
        return close < 0 ? -1 : close + 1;
    }

    public static int SkipDoubleQuoted(string text, int index)
    {
        int i = index;
        while (i < text.Length)
        {
            char c = text[i];
            switch (c)
            {
                case '\\':
                    i += 2;
                    break;
                case '"':
                    return i + 1;
                case '`':
                    i = SkipBackticks(text, i + 1);
                    break;
                case '$':
                    i = SkipDollar(text, i);
                    break;
                default:
                    i++;
                    break;
            }

            if (i < 0)
            {
                return -1;
            }
        }

        return -1;
    }

    public static int SkipBackticks(string text, int index)
    {
        int i = index;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '\\')
            {
                i += 2;
            }
            else if (c == '`')
            {
                return i + 1;
            }
            else
            {
                i++;
            }
        }

        return -1;
    }

    /// <summary>Skips <c>$</c> and, for <c>$(</c>, <c>$((</c> and <c>${</c>, everything up to the matching close.</summary>
    public static int SkipDollar(string text, int index)
    {
        return At(text, index + 1) switch
        {
            '(' => SkipBalanced(text, index + 1, '(', ')'),
            '{' => SkipBalanced(text, index + 1, '{', '}'),
            _ => index + 1,
        };
    }

    public static int SkipBalanced(string text, int index, char open, char close)
    {
        int depth = 0;
        int i = index;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == open)
            {
                depth++;
                i++;
            }
            else if (c == close)
            {
                depth--;
                i++;
                if (depth == 0)
                {
                    return i;
                }
            }
            else
            {
                i = c switch
                {
                    '\\' => i + 2,
                    '\'' => SkipSingleQuoted(text, i + 1),
                    '"' => SkipDoubleQuoted(text, i + 1),
                    '`' => SkipBackticks(text, i + 1),
                    '$' when At(text, i + 1) is '(' or '{' => SkipDollar(text, i),
                    _ => i + 1,
                };
                if (i < 0)
                {
                    return -1;
                }
            }
        }

        return -1;
    }
}