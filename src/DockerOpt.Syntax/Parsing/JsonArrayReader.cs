using System.Globalization;
using System.Text;
using System.Text.Json;

namespace DockerOpt.Syntax;

/// <summary>The outcome of reading exec-form arguments.</summary>
internal enum JsonArrayResult
{
    /// <summary>A JSON array of strings: exec form.</summary>
    Strings,

    /// <summary>Not JSON at all: BuildKit falls back to shell form.</summary>
    NotJson,

    /// <summary>Valid JSON array with a non-string element: BuildKit rejects the file.</summary>
    NotStrings,
}

/// <summary>
/// BuildKit's <c>parseJSON</c>: the arguments are exec form when they are exactly one JSON array of strings.
/// Reads the strings with their positions so each element maps back to the source.
/// </summary>
internal static class JsonArrayReader
{
    // Returned (never modified) when the text does not even start like an array, the common shell-form case.
    private static readonly List<LogicalWord> NoElements = [];

    public static JsonArrayResult Read(string text, int start, int end, out List<LogicalWord> elements)
    {
        int i = start;
        if (i >= end || text[i] != '[')
        {
            elements = NoElements;
            return JsonArrayResult.NotJson;
        }

        elements = [];

        i = SkipJsonSpace(text, i + 1, end);
        if (i < end && text[i] == ']')
        {
            return SkipJsonSpace(text, i + 1, end) == end ? JsonArrayResult.Strings : JsonArrayResult.NotJson;
        }

        while (true)
        {
            if (i >= end)
            {
                return JsonArrayResult.NotJson;
            }

            if (text[i] != '"')
            {
                return IsValidJson(text, start, end) ? JsonArrayResult.NotStrings : JsonArrayResult.NotJson;
            }

            int stringStart = i;
            string? value = ReadString(text, ref i, end);
            if (value is null)
            {
                return JsonArrayResult.NotJson;
            }

            elements.Add(new LogicalWord(stringStart, i, value));
            i = SkipJsonSpace(text, i, end);
            if (i >= end)
            {
                return JsonArrayResult.NotJson;
            }

            if (text[i] == ']')
            {
                return SkipJsonSpace(text, i + 1, end) == end ? JsonArrayResult.Strings : JsonArrayResult.NotJson;
            }

            if (text[i] != ',')
            {
                return JsonArrayResult.NotJson;
            }

            i = SkipJsonSpace(text, i + 1, end);
        }
    }

    private static int SkipJsonSpace(string text, int i, int end)
    {
        while (i < end && text[i] is ' ' or '\t' or '\n' or '\r')
        {
            i++;
        }

        return i;
    }

    /// <summary>Reads a JSON string starting at its opening quote; <c>null</c> when it is not valid JSON.</summary>
    private static string? ReadString(string text, ref int i, int end)
    {
        var builder = new StringBuilder();
        i++;
        while (i < end)
        {
            char c = text[i];
            if (c == '"')
            {
                i++;
                return builder.ToString();
            }

            if (c < ' ')
            {
                return null;
            }

            if (c != '\\')
            {
                builder.Append(c);
                i++;
                continue;
            }

            if (i + 1 >= end)
            {
                return null;
            }

            char escaped = text[i + 1];
            i += 2;
            switch (escaped)
            {
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case '/': builder.Append('/'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u':
                    if (i + 4 > end || !ushort.TryParse(text.AsSpan(i, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ushort code))
                    {
                        return null;
                    }

                    builder.Append((char)code);
                    i += 4;
                    break;
                default:
                    return null;
            }
        }

        return null;
    }

    private static bool IsValidJson(string text, int start, int end)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(text[start..end]);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 10_000 });
        try
        {
            while (reader.Read())
            {
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}