using System.Collections.Immutable;
using System.Text;

using DockerOpt.Cli.CommandLine;

namespace DockerOpt.Cli.Configuration;

/// <summary>
/// Reads the YAML subset .dockeropt.yaml is documented in: block mappings, block sequences (<c>- item</c>),
/// one-line flow sequences (<c>[a, b]</c>), plain, single- and double-quoted scalars, and <c># comments</c>.
/// Anything else (anchors, tags, block scalars, flow mappings, several documents, tabs for indentation) is
/// refused with <c>file:line:col</c> rather than half-understood. Hand-written instead of a YAML package so the
/// Native AOT binary stays small and free of reflection, and every error names the exact place.
/// </summary>
public sealed class YamlSubsetParser
{
    private readonly string path;
    private readonly List<Line> lines;
    private int index;

    private YamlSubsetParser(string path, List<Line> lines)
    {
        this.path = path;
        this.lines = lines;
    }

    /// <summary>Parses a whole file; an empty file is an empty mapping.</summary>
    /// <exception cref="UserInputException">The text is outside the supported subset or malformed.</exception>
    public static YamlMapping Parse(string text, string path)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(path);
        var parser = new YamlSubsetParser(path, SplitLines(text, path));
        if (parser.lines.Count == 0)
        {
            return new YamlMapping([], 1, 1);
        }

        var first = parser.lines[0];
        if (first.Indent != 0)
        {
            throw ConfigError.At(path, first.Number, first.Indent + 1, "the top level must not be indented");
        }

        if (IsSequenceItem(first.Content))
        {
            throw ConfigError.At(path, first.Number, 1, "the top level must be a mapping (key: value), not a list");
        }

        var root = parser.ParseMapping(0);
        if (parser.index < parser.lines.Count)
        {
            var extra = parser.lines[parser.index];
            throw ConfigError.At(path, extra.Number, extra.Indent + 1, "unexpected indentation");
        }

        return root;
    }

    private YamlMapping ParseMapping(int indent)
    {
        var start = lines[index];
        var entries = ImmutableArray.CreateBuilder<YamlEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (index < lines.Count && lines[index].Indent == indent && !IsSequenceItem(lines[index].Content))
        {
            var line = lines[index];
            var (key, rest, restColumn) = SplitKey(line);
            if (!seen.Add(key))
            {
                throw ConfigError.At(path, line.Number, line.Indent + 1, $"'{key}' is set twice");
            }

            index++;
            YamlNode value;
            if (rest.Length > 0)
            {
                value = ParseInline(rest, line.Number, restColumn);
            }
            else if (index < lines.Count && lines[index].Indent > indent)
            {
                value = ParseBlock(lines[index].Indent);
            }
            else if (index < lines.Count && lines[index].Indent == indent && IsSequenceItem(lines[index].Content))
            {
                // YAML lets a list under a key start at the key's own indentation.
                value = ParseSequence(indent);
            }
            else
            {
                value = new YamlScalar(string.Empty, false, line.Number, restColumn);
            }

            entries.Add(new YamlEntry(key, line.Number, line.Indent + 1, value));
        }

        if (index < lines.Count && lines[index].Indent > indent)
        {
            var bad = lines[index];
            throw ConfigError.At(path, bad.Number, bad.Indent + 1, "unexpected indentation");
        }

        return new YamlMapping(entries.ToImmutable(), start.Number, start.Indent + 1);
    }

    private YamlNode ParseBlock(int indent) =>
        IsSequenceItem(lines[index].Content) ? ParseSequence(indent) : ParseMapping(indent);

    private YamlSequence ParseSequence(int indent)
    {
        var start = lines[index];
        var items = ImmutableArray.CreateBuilder<YamlNode>();
        while (index < lines.Count && lines[index].Indent == indent && IsSequenceItem(lines[index].Content))
        {
            var line = lines[index];
            var rest = line.Content.Length > 1 ? line.Content[1..].TrimStart(' ') : string.Empty;
            var restColumn = line.Indent + 1 + (line.Content.Length - rest.Length);
            index++;
            if (rest.Length == 0)
            {
                if (index < lines.Count && lines[index].Indent > indent)
                {
                    items.Add(ParseBlock(lines[index].Indent));
                    continue;
                }

                throw ConfigError.At(path, line.Number, line.Indent + 1, "an empty list item");
            }

            if (FindMappingColon(rest) >= 0 && rest[0] is not ('"' or '\'' or '['))
            {
                throw ConfigError.At(path, line.Number, restColumn, "a list item must be a plain value here (key: value items are not supported)");
            }

            items.Add(ParseInline(rest, line.Number, restColumn));
        }

        return new YamlSequence(items.ToImmutable(), start.Number, start.Indent + 1);
    }

    private YamlNode ParseInline(string text, int lineNumber, int column)
    {
        switch (text[0])
        {
            case '[':
                return ParseFlowSequence(text, lineNumber, column);
            case '{':
                throw ConfigError.At(path, lineNumber, column, "{ } mappings are not supported; write the keys as an indented block");
            case '&' or '*' or '!':
                throw ConfigError.At(path, lineNumber, column, "anchors, aliases and tags are not supported");
            case '|' or '>':
                throw ConfigError.At(path, lineNumber, column, "block scalars (| and >) are not supported; write the value on one line");
            default:
                var (scalar, consumed) = ReadScalar(text, 0, lineNumber, column, flow: false);
                if (consumed < text.Length)
                {
                    throw ConfigError.At(path, lineNumber, column + consumed, $"unexpected text after the value: '{text[consumed..]}'");
                }

                return scalar;
        }
    }

    private YamlSequence ParseFlowSequence(string text, int lineNumber, int column)
    {
        var items = ImmutableArray.CreateBuilder<YamlNode>();
        var position = 1;
        while (true)
        {
            position = SkipSpaces(text, position);
            if (position >= text.Length)
            {
                throw ConfigError.At(path, lineNumber, column + position, "missing ']' (a [ ] list must end on the same line)");
            }

            if (text[position] == ']')
            {
                // "[a, ]" is valid YAML too: a trailing comma before ']' is accepted.
                position++;
                break;
            }

            if (text[position] is '[' or '{')
            {
                throw ConfigError.At(path, lineNumber, column + position, "nested lists or mappings inside [ ] are not supported");
            }

            var (item, consumed) = ReadScalar(text, position, lineNumber, column, flow: true);
            items.Add(item);
            position = SkipSpaces(text, position + consumed);
            if (position < text.Length && text[position] == ',')
            {
                position++;
            }
            else if (position >= text.Length)
            {
                throw ConfigError.At(path, lineNumber, column + position, "missing ']' (a [ ] list must end on the same line)");
            }
            else if (text[position] != ']')
            {
                throw ConfigError.At(path, lineNumber, column + Math.Min(position, text.Length), "expected ',' or ']' in the [ ] list");
            }
        }

        if (SkipSpaces(text, position) < text.Length)
        {
            throw ConfigError.At(path, lineNumber, column + position, $"unexpected text after the list: '{text[position..].Trim()}'");
        }

        return new YamlSequence(items.ToImmutable(), lineNumber, column);
    }

    /// <summary>Reads one scalar starting at <paramref name="start"/>; returns it and how many chars it used.</summary>
    private (YamlScalar Scalar, int Consumed) ReadScalar(string text, int start, int lineNumber, int column, bool flow)
    {
        var quote = text[start];
        if (quote is '"' or '\'')
        {
            var builder = new StringBuilder();
            var i = start + 1;
            while (true)
            {
                if (i >= text.Length)
                {
                    throw ConfigError.At(path, lineNumber, column + start, $"missing closing {quote}");
                }

                var c = text[i];
                if (c == quote)
                {
                    if (quote == '\'' && i + 1 < text.Length && text[i + 1] == '\'')
                    {
                        builder.Append('\'');
                        i += 2;
                        continue;
                    }

                    i++;
                    break;
                }

                if (quote == '"' && c == '\\' && i + 1 < text.Length)
                {
                    builder.Append(text[i + 1] switch
                    {
                        'n' => '\n',
                        't' => '\t',
                        '"' => '"',
                        '\\' => '\\',
                        '/' => '/',
                        var other => throw ConfigError.At(path, lineNumber, column + i, $"unsupported escape '\\{other}'"),
                    });
                    i += 2;
                    continue;
                }

                builder.Append(c);
                i++;
            }

            var end = SkipSpaces(text, i);
            return (new YamlScalar(builder.ToString(), true, lineNumber, column + start), end - start);
        }

        var stop = start;
        while (stop < text.Length && !(flow && text[stop] is ',' or ']'))
        {
            stop++;
        }

        var value = text[start..stop].TrimEnd();
        if (value.Length == 0)
        {
            throw ConfigError.At(path, lineNumber, column + start, "an empty list item");
        }

        return (new YamlScalar(value, false, lineNumber, column + start), stop - start);
    }

    private (string Key, string Value, int ValueColumn) SplitKey(Line line)
    {
        var content = line.Content;
        if (content[0] is '"' or '\'')
        {
            var (quoted, consumed) = ReadScalar(content, 0, line.Number, line.Indent + 1, flow: false);
            var after = content[consumed..];
            if (!after.StartsWith(':'))
            {
                throw ConfigError.At(path, line.Number, line.Indent + 1 + consumed, "expected ':' after the key");
            }

            var quotedRest = after[1..].TrimStart(' ');
            return (quoted.Value, quotedRest, line.Indent + 1 + content.Length - quotedRest.Length);
        }

        var colon = FindMappingColon(content);
        if (colon < 0)
        {
            throw ConfigError.At(path, line.Number, line.Indent + 1, $"expected 'key: value', found '{content}'");
        }

        var key = content[..colon].TrimEnd();
        var rest = content[(colon + 1)..].TrimStart(' ');
        return (key, rest, line.Indent + 1 + content.Length - rest.Length);
    }

    // A mapping colon is followed by a space or the end of the line ("image:tag" is a plain scalar).
    private static int FindMappingColon(string content)
    {
        for (var i = 0; i < content.Length; i++)
        {
            if (content[i] == ':' && (i + 1 == content.Length || content[i + 1] == ' '))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsSequenceItem(string content) => content == "-" || content.StartsWith("- ", StringComparison.Ordinal);

    private static int SkipSpaces(string text, int position)
    {
        while (position < text.Length && text[position] == ' ')
        {
            position++;
        }

        return position;
    }

    private static List<Line> SplitLines(string text, string path)
    {
        var result = new List<Line>();
        var raw = text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < raw.Length; i++)
        {
            var number = i + 1;
            var line = StripComment(raw[i]).TrimEnd(' ', '\t', '\r');
            var indent = 0;
            while (indent < line.Length && line[indent] == ' ')
            {
                indent++;
            }

            if (indent < line.Length && line[indent] == '\t')
            {
                throw ConfigError.At(path, number, indent + 1, "tabs are not allowed for indentation in YAML; use spaces");
            }

            var content = line[indent..];
            if (content.Length == 0)
            {
                continue;
            }

            if (content == "---" && result.Count == 0)
            {
                continue;
            }

            if (content is "---" or "...")
            {
                throw ConfigError.At(path, number, 1, "only one YAML document is allowed");
            }

            if (content.StartsWith('%'))
            {
                throw ConfigError.At(path, number, 1, "YAML directives are not supported");
            }

            result.Add(new Line(number, indent, content));
        }

        return result;
    }

    // '#' starts a comment at the start of a line or after a space, outside quotes.
    private static string StripComment(string line)
    {
        var quote = '\0';
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote != '\0')
            {
                if (c == quote && quote == '\'' && i + 1 < line.Length && line[i + 1] == '\'')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }
                else if (c == '\\' && quote == '"')
                {
                    i++;
                }
            }
            else if (c is '"' or '\'' && (i == 0 || line[i - 1] is ' ' or '[' or ',' or '-' or ':'))
            {
                quote = c;
            }
            else if (c == '#' && (i == 0 || line[i - 1] is ' ' or '\t'))
            {
                return line[..i];
            }
        }

        return line;
    }

    private sealed record Line(int Number, int Indent, string Content);
}