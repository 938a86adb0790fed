namespace DockerOpt.Transforms.DockerIgnore;

/// <summary>
/// The syntax check Go's <c>filepath.Match</c> applies, which patternmatcher runs on every pattern: a trailing
/// <c>\</c>, an unclosed or empty class, a range missing an end (<c>[a-]</c>, <c>[-a]</c>) or a <c>]</c> at the
/// start of a class make Docker reject the whole .dockerignore.
/// </summary>
public static class GlobSyntax
{
    public static bool IsValid(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        for (var i = 0; i < pattern.Length; i++)
        {
            switch (pattern[i])
            {
                case '\\':
                    if (++i >= pattern.Length)
                    {
                        return false;
                    }

                    break;
                case '[':
                    if (!TrySkipClass(pattern, ref i))
                    {
                        return false;
                    }

                    break;
                default:
                    break;
            }
        }

        return true;
    }

    // On entry i is at '['; on success i is at the closing ']'.
    private static bool TrySkipClass(string pattern, ref int i)
    {
        i++;
        if (i < pattern.Length && pattern[i] == '^')
        {
            i++;
        }

        var ranges = 0;
        while (true)
        {
            if (i >= pattern.Length)
            {
                return false;
            }

            if (pattern[i] == ']' && ranges > 0)
            {
                return true;
            }

            if (!TryReadClassChar(pattern, ref i))
            {
                return false;
            }

            if (i < pattern.Length && pattern[i] == '-')
            {
                i++;
                if (!TryReadClassChar(pattern, ref i))
                {
                    return false;
                }
            }

            ranges++;
        }
    }

    private static bool TryReadClassChar(string pattern, ref int i)
    {
        if (i >= pattern.Length || pattern[i] is '-' or ']')
        {
            return false;
        }

        if (pattern[i] == '\\')
        {
            i++;
            if (i >= pattern.Length)
            {
                return false;
            }
        }

        i++;
        return true;
    }
}