using System.Text;
using System.Text.RegularExpressions;

namespace DockerOpt.Core.Variables;

/// <summary>
/// Shell wildcard patterns of <c>${X#p}</c>, <c>${X%p}</c> and <c>${X/p/r}</c>: <c>*</c> and <c>?</c>, with the
/// escape making them literal; no bracket expressions (BuildKit does not support them either).
/// </summary>
internal static class ShellPattern
{
    public static Regex? ToRegex(string pattern, bool greedy, bool anchoredAtStart, bool anchoredAtEnd)
    {
        StringBuilder regex = new(pattern.Length + 8);
        if (anchoredAtStart)
        {
            regex.Append('^');
        }

        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            switch (c)
            {
                case '*':
                    regex.Append(greedy ? ".*" : ".*?");
                    break;
                case '?':
                    regex.Append('.');
                    break;
                case '\\':
                    if (i + 1 < pattern.Length && pattern[i + 1] is '}' or '/')
                    {
                        break;
                    }

                    if (i + 1 >= pattern.Length || pattern[i + 1] is not ('*' or '?' or '\\'))
                    {
                        return null;
                    }

                    regex.Append(Regex.Escape(pattern[++i].ToString()));
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        if (anchoredAtEnd)
        {
            regex.Append(@"\z");
        }

        return new Regex(regex.ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(1));
    }
}