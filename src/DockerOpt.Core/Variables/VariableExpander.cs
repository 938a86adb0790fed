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
/// <para>
/// The environment maps a name to its value; a null value means "declared, value unknown" (an ARG without a
/// default that a build may set): such references are kept as written and reported in
/// <see cref="VariableExpansion.UnknownNames"/>. A name absent from the environment is unset and expands to the
/// empty string, as in BuildKit.
/// </para>
/// <para>
/// Hostile input (issue 14): BuildKit's lexer recurses once per nesting level on Go's growable stack, so it accepts
/// <c>${a-${a-...}}</c> nested any depth. This one keeps its own stack of frames instead of recursing, and it never
/// builds text nobody reads: a modifier's word is written straight into the enclosing result when it is the
/// result (<c>${UNSET-word}</c>), and dropped when the result does not use it (a set variable, an unknown one), so
/// the work is linear in the text plus the result. The result is bounded by an <see cref="ExpansionBudget"/>: an
/// expansion that would exceed it fails, and its value is unknown.
/// </para>
/// </remarks>
public static class VariableExpander
{
    public static VariableExpansion Expand(string text, IReadOnlyDictionary<string, string?> known, char escape = '\\') =>
        Expand(text, known, escape, keepQuotes: false);

    /// <param name="text">The text to expand.</param>
    /// <param name="known">Variable values (null value: declared but unknown).</param>
    /// <param name="escape">The Dockerfile escape character.</param>
    /// <param name="keepQuotes">Keep quotes and escape characters in the output (only substitute variables).</param>
    /// <param name="budget">What the expansions of this file may still produce (a fresh one when null).</param>
    public static VariableExpansion Expand(string text, IReadOnlyDictionary<string, string?> known, char escape, bool keepQuotes, ExpansionBudget? budget = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(known);
        budget ??= new ExpansionBudget();
        var expansion = new Processor(text, known, escape, keepQuotes, budget.NextLimit).Run(out int produced);
        budget.Spend(produced);
        return expansion;
    }

    /// <summary>
    /// Where text goes: one string kept as it is (so <c>${A}</c> returns A's own string, not a copy) until a second
    /// piece arrives. A null sink drops what is written to it.
    /// </summary>
    private sealed class Sink
    {
        private string? _single;
        private StringBuilder? _builder;

        public void Append(string value)
        {
            if (_builder is not null)
            {
                _builder.Append(value);
            }
            else if (_single is null)
            {
                _single = value;
            }
            else
            {
                _builder = new StringBuilder(_single, Math.Max(16, (_single.Length + value.Length) * 2)).Append(value);
                _single = null;
            }
        }

        public void Append(string source, int start, int length) => Builder().Append(source, start, length);

        public void Append(char c) => Builder().Append(c);

        public override string ToString() => _builder?.ToString() ?? _single ?? string.Empty;

        private StringBuilder Builder()
        {
            if (_builder is null)
            {
                _builder = new StringBuilder(_single);
                _single = null;
            }

            return _builder;
        }
    }

    private enum FrameKind
    {
        /// <summary>Scans up to <see cref="Frame.Stop"/> (consumed) or, when it is '\0', to the end of the text.</summary>
        Until,

        /// <summary>Scans a double-quoted string after its opening quote.</summary>
        DoubleQuoted,

        /// <summary>A <c>${X-word}</c> (and +, ?, #, %) whose word the Until frame above it scans.</summary>
        Modifier,

        /// <summary>A <c>${X/pattern/replacement}</c> whose pattern, then replacement, the Until frame above scans.</summary>
        Replace,
    }

    /// <summary>One level of what the recursive lexer kept on the call stack.</summary>
    private sealed class Frame
    {
        public FrameKind Kind { get; init; }

        /// <summary>Until and DoubleQuoted: where the scanned text goes. Modifier and Replace: where their value goes.</summary>
        public Sink? Output { get; init; }

        public char Stop { get; init; }

        public bool RawEscapes { get; init; }

        public int Start { get; init; }

        public string Name { get; init; } = string.Empty;

        public char Op { get; init; }

        public bool Colon { get; init; }

        public bool IsUnset { get; init; }

        public int WordStart { get; init; }

        /// <summary>The word's own buffer when the value is computed from it (pattern, error message).</summary>
        public Sink? Word { get; set; }

        public bool All { get; init; }

        public string? Pattern { get; set; }

        public bool FoundSlash { get; set; }
    }

    private sealed class Processor(string text, IReadOnlyDictionary<string, string?> known, char escape, bool keepQuotes, int limit)
    {
        private readonly ImmutableArray<VariableReference>.Builder _references = ImmutableArray.CreateBuilder<VariableReference>();
        private readonly List<string> _unknown = [];
        private readonly HashSet<string> _unknownSet = new(StringComparer.Ordinal);
        private readonly List<string> _unset = [];
        private readonly HashSet<string> _unsetSet = new(StringComparer.Ordinal);
        private readonly Stack<Frame> _frames = new();
        private int _position;
        private int _produced;
        private bool _overflow;
        private string? _error;

        public VariableExpansion Run(out int produced)
        {
            var root = new Sink();
            _frames.Push(new Frame { Kind = FrameKind.Until, Stop = '\0', RawEscapes = keepQuotes, Output = root });
            while (_frames.Count > 0)
            {
                Frame frame = _frames.Peek();
                if (frame.Kind == FrameKind.Until)
                {
                    ScanUntil(frame);
                }
                else
                {
                    ScanDoubleQuoted(frame);
                }
            }

            _references.Sort(static (a, b) => a.Start.CompareTo(b.Start));
            produced = _produced;
            return new VariableExpansion(_overflow ? string.Empty : root.ToString(), _references.ToImmutable(), [.. _unknown], [.. _unset], _error);
        }

        private bool AtEnd => _position >= text.Length;

        private void Fail(string message) => _error ??= message;

        private bool Spend(int length)
        {
            if (_overflow)
            {
                return false;
            }

            _produced += length;
            if (_produced <= limit)
            {
                return true;
            }

            _overflow = true;
            Fail($"the expansion is longer than {limit} characters");
            return false;
        }

        private void Emit(Sink? sink, char c)
        {
            if (sink is not null && Spend(1))
            {
                sink.Append(c);
            }
        }

        private void Emit(Sink? sink, string value)
        {
            if (sink is not null && Spend(value.Length))
            {
                sink.Append(value);
            }
        }

        private void EmitSource(Sink? sink, int start, int end)
        {
            if (sink is not null && Spend(end - start))
            {
                sink.Append(text, start, end - start);
            }
        }

        private void ScanUntil(Frame frame)
        {
            Sink? output = frame.Output;
            while (!AtEnd)
            {
                char c = text[_position];
                if (frame.Stop != '\0' && c == frame.Stop)
                {
                    _position++;
                    Finish(foundStop: true);
                    return;
                }

                switch (c)
                {
                    case '$':
                        if (StartDollar(output))
                        {
                            return;
                        }

                        continue;
                    case '\'':
                        SingleQuoted(output);
                        continue;
                    case '"':
                        _position++;
                        if (keepQuotes)
                        {
                            Emit(output, '"');
                        }

                        _frames.Push(new Frame { Kind = FrameKind.DoubleQuoted, Output = output });
                        return;
                }

                _position++;
                if (c == escape)
                {
                    if (frame.RawEscapes)
                    {
                        Emit(output, c);
                    }

                    if (AtEnd)
                    {
                        break;
                    }

                    c = text[_position++];
                }

                Emit(output, c);
            }

            Finish(foundStop: frame.Stop == '\0');
        }

        // The Until frame on top is done: hand its result to the modifier or replacement that pushed it.
        private void Finish(bool foundStop)
        {
            _frames.Pop();
            if (_frames.Count == 0)
            {
                return;
            }

            Frame owner = _frames.Peek();
            if (owner.Kind == FrameKind.Modifier)
            {
                _frames.Pop();
                CompleteModifier(owner, foundStop);
            }
            else if (owner.Kind == FrameKind.Replace)
            {
                ContinueReplace(owner, foundStop);
            }
        }

        private void SingleQuoted(Sink? output)
        {
            int open = _position++;
            int close = text.IndexOf('\'', _position);
            if (close < 0)
            {
                Fail("unexpected end of statement while looking for matching single-quote");
                _position = text.Length;
                EmitSource(output, keepQuotes ? open : open + 1, text.Length);
                return;
            }

            _position = close + 1;
            if (keepQuotes)
            {
                EmitSource(output, open, _position);
            }
            else
            {
                EmitSource(output, open + 1, close);
            }
        }

        private void ScanDoubleQuoted(Frame frame)
        {
            Sink? output = frame.Output;
            while (true)
            {
                if (AtEnd)
                {
                    Fail("unexpected end of statement while looking for matching double-quote");
                    _frames.Pop();
                    return;
                }

                char c = text[_position];
                if (c == '"')
                {
                    _position++;
                    if (keepQuotes)
                    {
                        Emit(output, '"');
                    }

                    _frames.Pop();
                    return;
                }

                if (c == '$')
                {
                    if (StartDollar(output))
                    {
                        return;
                    }

                    continue;
                }

                _position++;
                if (c == escape && !AtEnd)
                {
                    if (keepQuotes)
                    {
                        Emit(output, c);
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

                Emit(output, c);
            }
        }

        /// <summary>Reads a <c>$</c> reference; returns true when it pushed frames to scan a modifier's word.</summary>
        private bool StartDollar(Sink? output)
        {
            int start = _position++;
            if (AtEnd || text[_position] != '{')
            {
                string name = ReadName();
                if (name.Length == 0)
                {
                    Emit(output, '$');
                    return false;
                }

                AddReference(start, name, VariableModifier.None, false, -1, 0);
                EmitValue(output, start, name);
                return false;
            }

            _position++;
            if (AtEnd)
            {
                Fail("syntax error: missing '}'");
                return false;
            }

            if (text[_position] is '{' or '}' or ':')
            {
                Fail("syntax error: bad substitution");
                SkipTo('}');
                return false;
            }

            string variable = ReadName();
            if (AtEnd)
            {
                Fail("syntax error: missing '}'");
                return false;
            }

            char op = text[_position++];
            if (op == '}')
            {
                AddReference(start, variable, VariableModifier.None, false, -1, 0);
                EmitValue(output, start, variable);
                return false;
            }

            bool colon = false;
            if (op == ':')
            {
                colon = true;
                if (AtEnd)
                {
                    Fail("syntax error: missing '}'");
                    return false;
                }

                op = text[_position++];
            }

            switch (op)
            {
                case '-' or '+' or '?' or '#' or '%':
                    StartModifier(output, start, variable, op, colon);
                    return true;
                case '/' when !colon:
                    StartReplace(output, start, variable);
                    return true;
                default:
                    Fail($"unsupported modifier ({(colon ? ":" : string.Empty)}{op}) in substitution");
                    SkipTo('}');
                    return false;
            }
        }

        private void EmitValue(Sink? output, int start, string name)
        {
            if (Lookup(name, out string? value) == Status.Unknown)
            {
                EmitSource(output, start, _position);
            }
            else
            {
                Emit(output, value!);
            }
        }

        private void SkipTo(char close)
        {
            int index = text.IndexOf(close, _position);
            _position = index < 0 ? text.Length : index + 1;
        }

        // Decides, before the word is read, whether the result needs it: streamed into the output, kept apart (a
        // pattern, an error message) or dropped. Which names the word refers to and whether it fails is found either way.
        private void StartModifier(Sink? output, int start, string name, char op, bool colon)
        {
            Status status = Peek(name, out string? value);
            bool isUnset = status == Status.Unset || (status == Status.Known && colon && value!.Length == 0);
            Sink? word = status == Status.Unknown ? null : op switch
            {
                '-' => isUnset ? output : null,
                '+' => isUnset ? null : output,
                '?' => isUnset ? new Sink() : null,
                _ => new Sink(),
            };
            var frame = new Frame
            {
                Kind = FrameKind.Modifier,
                Output = output,
                Start = start,
                Name = name,
                Op = op,
                Colon = colon,
                IsUnset = isUnset,
                WordStart = _position,
                Word = op is '?' or '#' or '%' ? word : null,
            };
            _frames.Push(frame);
            _frames.Push(new Frame { Kind = FrameKind.Until, Stop = '}', RawEscapes = op is '#' or '%', Output = word });
        }

        private void CompleteModifier(Frame frame, bool closed)
        {
            if (!closed)
            {
                Fail("syntax error: missing '}'");
            }

            int wordEnd = closed ? _position - 1 : _position;
            VariableModifier modifier = frame.Op switch
            {
                '-' => VariableModifier.Default,
                '+' => VariableModifier.Alternative,
                '?' => VariableModifier.Required,
                '#' => VariableModifier.RemovePrefix,
                _ => VariableModifier.RemoveSuffix,
            };
            AddReference(frame.Start, frame.Name, modifier, frame.Colon, frame.WordStart, wordEnd - frame.WordStart);
            Status status = Lookup(frame.Name, out string? value);
            Sink? output = frame.Output;
            if (status == Status.Unknown)
            {
                EmitSource(output, frame.Start, _position);
                return;
            }

            switch (frame.Op)
            {
                case '-':
                    if (!frame.IsUnset)
                    {
                        Emit(output, value!);
                    }

                    return;
                case '+':
                    return;
                case '?':
                    if (frame.IsUnset)
                    {
                        string word = frame.Word?.ToString() ?? string.Empty;
                        string reason = status == Status.Unset ? "is not allowed to be unset" : "is not allowed to be empty";
                        Fail($"{frame.Name}: {(word.Length > 0 ? word : reason)}");
                        return;
                    }

                    Emit(output, value!);
                    return;
                default:
                    string operand = frame.Word?.ToString() ?? string.Empty;
                    bool greedy = operand.Length > 0 && operand[0] == frame.Op;
                    string pattern = greedy ? operand[1..] : operand;
                    Regex? regex = ShellPattern.ToRegex(pattern, greedy: true, anchoredAtStart: true, anchoredAtEnd: true);
                    if (regex is null)
                    {
                        Fail($"invalid pattern ({pattern}) in substitution");
                        Emit(output, value!);
                        return;
                    }

                    if (output is not null && !_overflow)
                    {
                        Emit(output, frame.Op == '#' ? TrimPrefix(value!, regex, greedy) : TrimSuffix(value!, regex, greedy));
                    }

                    return;
            }
        }

        private void StartReplace(Sink? output, int start, string name)
        {
            bool all = !AtEnd && text[_position] == '/';
            if (all)
            {
                _position++;
            }

            Status status = Peek(name, out _);
            Sink? pattern = status == Status.Unknown ? null : new Sink();
            _frames.Push(new Frame { Kind = FrameKind.Replace, Output = output, Start = start, Name = name, All = all, WordStart = _position, Word = pattern });
            _frames.Push(new Frame { Kind = FrameKind.Until, Stop = '/', RawEscapes = true, Output = pattern });
        }

        // The pattern is read: read the replacement next, or finish when there is no second slash.
        private void ContinueReplace(Frame frame, bool found)
        {
            if (frame.Pattern is null)
            {
                frame.Pattern = frame.Word?.ToString() ?? string.Empty;
                frame.FoundSlash = found;
                if (found)
                {
                    frame.Word = frame.Word is null ? null : new Sink();
                    _frames.Push(new Frame { Kind = FrameKind.Until, Stop = '}', RawEscapes = true, Output = frame.Word });
                    return;
                }

                frame.Word = null;
                _frames.Pop();
                CompleteReplace(frame, closed: false);
                return;
            }

            _frames.Pop();
            CompleteReplace(frame, found);
        }

        private void CompleteReplace(Frame frame, bool closed)
        {
            if (!frame.FoundSlash || !closed)
            {
                Fail(frame.FoundSlash ? "syntax error: missing '}'" : "syntax error: missing '/' in ${}");
            }

            int wordEnd = Math.Max(frame.WordStart, _position - 1);
            AddReference(frame.Start, frame.Name, VariableModifier.Replace, false, frame.WordStart, wordEnd - frame.WordStart);
            Status status = Lookup(frame.Name, out string? value);
            Sink? output = frame.Output;
            if (status == Status.Unknown)
            {
                EmitSource(output, frame.Start, _position);
                return;
            }

            Regex? regex = ShellPattern.ToRegex(frame.Pattern!, greedy: true, anchoredAtStart: false, anchoredAtEnd: false);
            if (regex is null)
            {
                Fail($"invalid pattern ({frame.Pattern}) in substitution");
                Emit(output, value!);
                return;
            }

            if (output is not null && !_overflow)
            {
                ReplaceInto(output, value!, regex, frame.Word?.ToString() ?? string.Empty, frame.All);
            }
        }

        // Regex.Replace would build the whole result before the budget could refuse it ("?" replaced by a long word).
        private void ReplaceInto(Sink output, string value, Regex regex, string replacement, bool all)
        {
            int copied = 0;
            try
            {
                for (Match match = regex.Match(value); match.Success; match = all ? match.NextMatch() : Match.Empty)
                {
                    EmitPart(output, value, copied, match.Index);
                    Emit(output, replacement);
                    copied = match.Index + match.Length;
                    if (_overflow)
                    {
                        return;
                    }
                }
            }
            catch (RegexMatchTimeoutException)
            {
                Fail("the pattern takes too long to match");
                return;
            }

            EmitPart(output, value, copied, value.Length);
        }

        private void EmitPart(Sink output, string source, int start, int end)
        {
            if (end > start && Spend(end - start))
            {
                output.Append(source, start, end - start);
            }
        }

        private string TrimPrefix(string value, Regex regex, bool longest)
        {
            try
            {
                for (int k = 0; k <= value.Length; k++)
                {
                    int length = longest ? value.Length - k : k;
                    if (regex.IsMatch(value.AsSpan(0, length)))
                    {
                        return value[length..];
                    }
                }
            }
            catch (RegexMatchTimeoutException)
            {
                Fail("the pattern takes too long to match");
            }

            return value;
        }

        private string TrimSuffix(string value, Regex regex, bool longest)
        {
            try
            {
                for (int k = 0; k <= value.Length; k++)
                {
                    int from = longest ? k : value.Length - k;
                    if (regex.IsMatch(value.AsSpan(from)))
                    {
                        return value[..from];
                    }
                }
            }
            catch (RegexMatchTimeoutException)
            {
                Fail("the pattern takes too long to match");
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

        private void AddReference(int start, string name, VariableModifier modifier, bool colon, int wordStart, int wordLength) =>
            _references.Add(new VariableReference(text, start, _position - start, name, modifier, colon, wordStart, wordLength));

        /// <summary>The status of a name without recording it (a word's names are recorded before its variable's).</summary>
        private Status Peek(string name, out string? value)
        {
            if (known.TryGetValue(name, out value))
            {
                return value is null ? Status.Unknown : Status.Known;
            }

            value = string.Empty;
            return Status.Unset;
        }

        private Status Lookup(string name, out string? value)
        {
            Status status = Peek(name, out value);
            if (status == Status.Unknown && _unknownSet.Add(name))
            {
                _unknown.Add(name);
            }
            else if (status == Status.Unset && _unsetSet.Add(name))
            {
                _unset.Add(name);
            }

            return status;
        }

        private enum Status
        {
            Known,
            Unknown,
            Unset,
        }
    }
}