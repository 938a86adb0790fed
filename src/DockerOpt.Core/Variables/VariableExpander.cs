using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;

namespace DockerOpt.Core.Variables;

/// <summary>
/// Expands Dockerfile variable references the way BuildKit's shell lexer does for instructions such as FROM,
/// COPY, ENV, WORKDIR (moby/buildkit frontend/dockerfile/shell/lex.go is the reference): <c>$X</c>, <c>${X}</c>,
/// <c>${X:-d}</c>, <c>${X-d}</c>, <c>${X:+a}</c>, <c>${X+a}</c>, <c>${X?err}</c>, <c>${X:?err}</c>, <c>${X#p}</c>,
/// <c>${X%p}</c>, <c>${X/p/r}</c>; nothing is expanded inside single quotes; the escape character (<c>\</c> or
/// backtick) makes the next character literal.
/// </summary>
/// <remarks>
/// The environment maps a name to its value; a null value means "declared, value unknown" (an ARG without a
/// default that a build may set): such references are kept as written and reported in
/// <see cref="VariableExpansion.UnknownNames"/>. A name absent from the environment is unset and expands to the
/// empty string, as in BuildKit.
/// </remarks>
public static class VariableExpander
{
    public static VariableExpansion Expand(string text, IReadOnlyDictionary<string, string?> known, char escape = '\\') =>
        Expand(text, known, escape, keepQuotes: false);

    /// <param name="text">The text to expand.</param>
    /// <param name="known">Variable values (null value: declared but unknown).</param>
    /// <param name="escape">The Dockerfile escape character.</param>
    /// <param name="keepQuotes">Keep quotes and escape characters in the output (only substitute variables).</param>
    public static VariableExpansion Expand(string text, IReadOnlyDictionary<string, string?> known, char escape, bool keepQuotes)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(known);
        return new Processor(text, known, escape, keepQuotes).Run();
    }

    private sealed class Processor(string text, IReadOnlyDictionary<string, string?> known, char escape, bool keepQuotes)
    {
        private readonly ImmutableArray<VariableReference>.Builder _references = ImmutableArray.CreateBuilder<VariableReference>();
        private readonly List<string> _unknown = [];
        private readonly List<string> _unset = [];
        private int _position;
        private string? _error;

        public VariableExpansion Run()
        {
            string result = ProcessUntil('\0', keepQuotes, out _);
            _references.Sort(static (a, b) => a.Start.CompareTo(b.Start));
            return new VariableExpansion(result, _references.ToImmutable(), [.. _unknown], [.. _unset], _error);
        }

        private bool AtEnd => _position >= text.Length;

        private void Fail(string message) => _error ??= message;

        /// <summary>Processes up to <paramref name="stop"/> (consumed) or the end of the text when stop is '\0'.</summary>
        private string ProcessUntil(char stop, bool rawEscapes, out bool foundStop)
        {
            StringBuilder result = new();
            while (!AtEnd)
            {
                char c = text[_position];
                if (stop != '\0' && c == stop)
                {
                    _position++;
                    foundStop = true;
                    return result.ToString();
                }

                switch (c)
                {
                    case '$':
                        result.Append(ProcessDollar());
                        continue;
                    case '\'':
                        result.Append(ProcessSingleQuoted());
                        continue;
                    case '"':
                        result.Append(ProcessDoubleQuoted());
                        continue;
                }

                _position++;
                if (c == escape)
                {
                    if (rawEscapes)
                    {
                        result.Append(c);
                    }

                    if (AtEnd)
                    {
                        break;
                    }

                    c = text[_position++];
                }

                result.Append(c);
            }

            foundStop = stop == '\0';
            return result.ToString();
        }

        private string ProcessSingleQuoted()
        {
            int open = _position++;
            int close = text.IndexOf('\'', _position);
            if (close < 0)
            {
                Fail("unexpected end of statement while looking for matching single-quote");
                _position = text.Length;
                return keepQuotes ? text[open..] : text[(open + 1)..];
            }

            _position = close + 1;
            return keepQuotes ? text[open.._position] : text[(open + 1)..close];
        }

        private string ProcessDoubleQuoted()
        {
            StringBuilder result = new();
            if (keepQuotes)
            {
                result.Append('"');
            }

            _position++;
            while (true)
            {
                if (AtEnd)
                {
                    Fail("unexpected end of statement while looking for matching double-quote");
                    return result.ToString();
                }

                char c = text[_position];
                if (c == '"')
                {
                    _position++;
                    if (keepQuotes)
                    {
                        result.Append('"');
                    }

                    return result.ToString();
                }

                if (c == '$')
                {
                    result.Append(ProcessDollar());
                    continue;
                }

                _position++;
                if (c == escape && !AtEnd)
                {
                    if (keepQuotes)
                    {
                        result.Append(c);
                    }

                    // Only these can be escaped inside double quotes; any other escape stays literal.
                    char next = text[_position];
                    if (next == '"' || next == '$' || next == escape)
                    {
                        c = next;
                        _position++;
                    }
                    else if (keepQuotes)
                    {
                        continue;
                    }
                }

                result.Append(c);
            }
        }

        private string ProcessDollar()
        {
            int start = _position++;
            if (AtEnd || text[_position] != '{')
            {
                string name = ReadName();
                if (name.Length == 0)
                {
                    return "$";
                }

                AddReference(start, name, VariableModifier.None, false, null);
                return Lookup(name, out string? value) == Status.Unknown ? text[start.._position] : value!;
            }

            _position++;
            if (AtEnd)
            {
                Fail("syntax error: missing '}'");
                return string.Empty;
            }

            if (text[_position] is '{' or '}' or ':')
            {
                Fail("syntax error: bad substitution");
                SkipTo('}');
                return string.Empty;
            }

            string variable = ReadName();
            if (AtEnd)
            {
                Fail("syntax error: missing '}'");
                return string.Empty;
            }

            char op = text[_position++];
            if (op == '}')
            {
                AddReference(start, variable, VariableModifier.None, false, null);
                return Lookup(variable, out string? plain) == Status.Unknown ? text[start.._position] : plain!;
            }

            bool colon = false;
            if (op == ':')
            {
                colon = true;
                if (AtEnd)
                {
                    Fail("syntax error: missing '}'");
                    return string.Empty;
                }

                op = text[_position++];
            }

            return op switch
            {
                '-' or '+' or '?' or '#' or '%' => ProcessModifier(start, variable, op, colon),
                '/' when !colon => ProcessReplace(start, variable),
                _ => Unsupported(op, colon),
            };
        }

        private string Unsupported(char op, bool colon)
        {
            Fail($"unsupported modifier ({(colon ? ":" : string.Empty)}{op}) in substitution");
            SkipTo('}');
            return string.Empty;
        }

        private void SkipTo(char close)
        {
            int index = text.IndexOf(close, _position);
            _position = index < 0 ? text.Length : index + 1;
        }

        private string ProcessModifier(int start, string name, char op, bool colon)
        {
            int wordStart = _position;
            string word = ProcessUntil('}', rawEscapes: op is '#' or '%', out bool closed);
            if (!closed)
            {
                Fail("syntax error: missing '}'");
            }

            string rawWord = text[wordStart..(closed ? _position - 1 : _position)];
            VariableModifier modifier = op switch
            {
                '-' => VariableModifier.Default,
                '+' => VariableModifier.Alternative,
                '?' => VariableModifier.Required,
                '#' => VariableModifier.RemovePrefix,
                _ => VariableModifier.RemoveSuffix,
            };
            AddReference(start, name, modifier, colon, rawWord);
            Status status = Lookup(name, out string? value);
            if (status == Status.Unknown)
            {
                return text[start.._position];
            }

            bool isUnset = status == Status.Unset || (colon && value!.Length == 0);
            switch (op)
            {
                case '-':
                    return isUnset ? word : value!;
                case '+':
                    return isUnset ? string.Empty : word;
                case '?':
                    if (isUnset)
                    {
                        string reason = status == Status.Unset ? "is not allowed to be unset" : "is not allowed to be empty";
                        Fail($"{name}: {(word.Length > 0 ? word : reason)}");
                        return string.Empty;
                    }

                    return value!;
                default:
                    bool greedy = word.Length > 0 && word[0] == op;
                    string pattern = greedy ? word[1..] : word;
                    return op == '#' ? TrimPrefix(value!, pattern, greedy) : TrimSuffix(value!, pattern, greedy);
            }
        }

        private string ProcessReplace(int start, string name)
        {
            bool all = !AtEnd && text[_position] == '/';
            if (all)
            {
                _position++;
            }

            int wordStart = _position;
            string pattern = ProcessUntil('/', rawEscapes: true, out bool foundSlash);
            bool closed = false;
            string replacement = foundSlash ? ProcessUntil('}', rawEscapes: true, out closed) : string.Empty;
            if (!foundSlash || !closed)
            {
                Fail(foundSlash ? "syntax error: missing '}'" : "syntax error: missing '/' in ${}");
            }

            AddReference(start, name, VariableModifier.Replace, false, text[wordStart..Math.Max(wordStart, _position - 1)]);
            Status status = Lookup(name, out string? value);
            if (status == Status.Unknown)
            {
                return text[start.._position];
            }

            Regex? regex = ShellPattern.ToRegex(pattern, greedy: true, anchoredAtStart: false, anchoredAtEnd: false);
            if (regex is null)
            {
                Fail($"invalid pattern ({pattern}) in substitution");
                return value!;
            }

            return all
                ? regex.Replace(value!, _ => replacement)
                : regex.Replace(value!, _ => replacement, 1);
        }

        private string TrimPrefix(string value, string pattern, bool longest)
        {
            Regex? regex = ShellPattern.ToRegex(pattern, greedy: true, anchoredAtStart: true, anchoredAtEnd: true);
            if (regex is null)
            {
                Fail($"invalid pattern ({pattern}) in substitution");
                return value;
            }

            for (int k = 0; k <= value.Length; k++)
            {
                int length = longest ? value.Length - k : k;
                if (regex.IsMatch(value.AsSpan(0, length)))
                {
                    return value[length..];
                }
            }

            return value;
        }

        private string TrimSuffix(string value, string pattern, bool longest)
        {
            Regex? regex = ShellPattern.ToRegex(pattern, greedy: true, anchoredAtStart: true, anchoredAtEnd: true);
            if (regex is null)
            {
                Fail($"invalid pattern ({pattern}) in substitution");
                return value;
            }

            for (int k = 0; k <= value.Length; k++)
            {
                int from = longest ? k : value.Length - k;
                if (regex.IsMatch(value.AsSpan(from)))
                {
                    return value[..from];
                }
            }

            return value;
        }

        /// <summary>A name: digits (<c>$1</c>), one special parameter, or letters, digits and underscores.</summary>
        private string ReadName()
        {
            int start = _position;
            if (AtEnd)
            {
                return string.Empty;
            }

            char first = text[_position];
            if (char.IsDigit(first))
            {
                while (!AtEnd && char.IsDigit(text[_position]))
                {
                    _position++;
                }

                return text[start.._position];
            }

            if (first is '@' or '*' or '#' or '?' or '-' or '$' or '!')
            {
                _position++;
                return text[start.._position];
            }

            while (!AtEnd && (char.IsLetterOrDigit(text[_position]) || text[_position] == '_'))
            {
                _position++;
            }

            return text[start.._position];
        }

        private void AddReference(int start, string name, VariableModifier modifier, bool colon, string? word) =>
            _references.Add(new VariableReference(start, _position - start, text[start.._position], name, modifier, colon, word));

        private Status Lookup(string name, out string? value)
        {
            if (known.TryGetValue(name, out value))
            {
                if (value is not null)
                {
                    return Status.Known;
                }

                if (!_unknown.Contains(name))
                {
                    _unknown.Add(name);
                }

                return Status.Unknown;
            }

            if (!_unset.Contains(name))
            {
                _unset.Add(name);
            }

            value = string.Empty;
            return Status.Unset;
        }

        private enum Status
        {
            Known,
            Unknown,
            Unset,
        }
    }
}