namespace DockerOpt.Syntax;

/// <summary>The character classes BuildKit's Go code uses, spelled out once.</summary>
internal static class Chars
{
    /// <summary>Go's <c>unicode.IsSpace</c> (the Unicode White_Space property, like .NET's).</summary>
    public static bool IsSpace(char c) => char.IsWhiteSpace(c);

    /// <summary>BuildKit's <c>[\t\v\f\r ]</c> that separates a keyword from its arguments and FROM/EXPOSE words.</summary>
    public static bool IsTokenSeparator(char c) => c is ' ' or '\t' or '\v' or '\f' or '\r';

    /// <summary>Go regexp's <c>\s</c>: <c>[\t\n\f\r ]</c>.</summary>
    public static bool IsRegexSpace(char c) => c is ' ' or '\t' or '\n' or '\f' or '\r';

    public static bool IsAsciiLetter(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z');

    public static bool IsAsciiLetterOrDigit(char c) => IsAsciiLetter(c) || c is >= '0' and <= '9';

    public static int SkipSpaces(string text, int start, int end)
    {
        while (start < end && IsSpace(text[start]))
        {
            start++;
        }

        return start;
    }

    public static int TrimEndSpaces(string text, int start, int end)
    {
        while (end > start && IsSpace(text[end - 1]))
        {
            end--;
        }

        return end;
    }
}