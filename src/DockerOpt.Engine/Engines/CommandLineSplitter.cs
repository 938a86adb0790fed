using System.Text;

namespace DockerOpt.Engine.Engines;

/// <summary>
/// Splits a smoke command given as one string (<c>--smoke "node -e 'console.log(1)'"</c>) into arguments
/// the way a POSIX shell would for plain words, single and double quotes and backslash escapes. No
/// expansion happens: the arguments go to the container as a list.
/// </summary>
public static class CommandLineSplitter
{
    /// <summary>The arguments, or null when a quote is left open.</summary>
    public static IReadOnlyList<string>? Split(string commandLine)
    {
        ArgumentNullException.ThrowIfNull(commandLine);
        var arguments = new List<string>();
        var current = new StringBuilder();
        var inWord = false;
        char? quote = null;
        for (var i = 0; i < commandLine.Length; i++)
        {
            var c = commandLine[i];
            if (quote == '\'')
            {
                if (c == '\'')
                {
                    quote = null;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (quote == '"')
            {
                if (c == '"')
                {
                    quote = null;
                }
                else if (c == '\\' && i + 1 < commandLine.Length && commandLine[i + 1] is '"' or '\\' or '$' or '`')
                {
                    current.Append(commandLine[++i]);
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    arguments.Add(current.ToString());
                    current.Clear();
                    inWord = false;
                }
            }
            else
            {
                inWord = true;
                if (c is '\'' or '"')
                {
                    quote = c;
                }
                else if (c == '\\' && i + 1 < commandLine.Length)
                {
                    current.Append(commandLine[++i]);
                }
                else
                {
                    current.Append(c);
                }
            }
        }

        if (quote is not null)
        {
            return null;
        }

        if (inWord)
        {
            arguments.Add(current.ToString());
        }

        return arguments;
    }
}