using System.Collections.Immutable;

namespace DockerOpt.Syntax;

/// <summary>
/// Parses Dockerfile text into a lossless <see cref="DockerfileSyntax"/>. It follows BuildKit's frontend
/// (frontend/dockerfile/parser) for what every line means, never throws on user input, and reports every problem
/// as a <see cref="Diagnostic"/>.
/// </summary>
public static class DockerfileParser
{
    public static DockerfileSyntax Parse(string text, string? path = null) => Parse(SourceText.From(text, path));

    public static DockerfileSyntax Parse(SourceText source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new ParserRun(source).Run();
    }

    /// <summary>The state of one parse: the line cursor, the escape char and the directive scan.</summary>
    private sealed class ParserRun(SourceText source)
    {
        private static readonly string[] KnownDirectives = ["syntax", "escape", "check"];

        private readonly string _text = source.Text;
        private readonly ImmutableArray<TextLine> _lines = source.Lines;
        private readonly List<Diagnostic> _diagnostics = [];
        private readonly ImmutableArray<SyntaxConstruct>.Builder _constructs = ImmutableArray.CreateBuilder<SyntaxConstruct>();
        private readonly HashSet<string> _seenDirectives = new(StringComparer.Ordinal);
        private readonly LogicalLineBuilder _logicalLineBuilder = new(source.Text);
        private InstructionParser? _instructionParser;
        private char _escape = '\\';
        private bool _directivesDone;
        private int _index;

        // Directives (and so the escape char) are settled before the first instruction.
        private InstructionParser InstructionParser => _instructionParser ??= new InstructionParser(source, _escape, _diagnostics);

        public DockerfileSyntax Run()
        {
            while (_index < _lines.Length)
            {
                ParseConstruct();
            }

            ReportOverlongLines();

            if (!_constructs.Any(c => c is InstructionSyntax))
            {
                Report(DiagnosticSeverity.Error, DiagnosticIds.NoInstructions, "file with no instructions", new TextSpan(_text.Length, 0));
            }

            ImmutableArray<Diagnostic> diagnostics = [.. _diagnostics.OrderBy(d => d.Span.Start)];
            return new DockerfileSyntax(source, _constructs.ToImmutable(), _escape, diagnostics);
        }

        private void ParseConstruct()
        {
            TextLine line = _lines[_index];
            int start = line.Start;
            if (_index == 0 && source.HasByteOrderMark)
            {
                start++;
            }

            int end = SemanticEnd(line, start);
            int first = Chars.SkipSpaces(_text, start, end);

            if (!_directivesDone)
            {
                if (TryParseDirective(line, first, end))
                {
                    _index++;
                    return;
                }

                _directivesDone = true;
            }

            if (first == end)
            {
                Add(new BlankLineSyntax
                {
                    Source = source,
                    Span = TextSpan.FromBounds(start, end),
                    FullSpan = line.FullSpan,
                    StartLine = line.Number,
                    EndLine = line.Number,
                });
                _index++;
                return;
            }

            if (_text[first] == '#')
            {
                TextSpan span = TextSpan.FromBounds(first, end);
                Add(new CommentSyntax
                {
                    Source = source,
                    Span = span,
                    FullSpan = line.FullSpan,
                    StartLine = line.Number,
                    EndLine = line.Number,
                    Comment = new SyntaxToken(SyntaxKind.Comment, span, source.ToString(span), _text[(first + 1)..end].Trim()),
                });
                _index++;
                return;
            }

            ParseInstruction(first, end);
        }

        /// <summary>
        /// BuildKit's DirectiveParser: <c>#</c>, optional whitespace, then <c>name\s*=\s*(.+?)\s*$</c> with a known
        /// name. The first line that is not one ends the directive scan.
        /// </summary>
        private bool TryParseDirective(TextLine line, int first, int end)
        {
            if (first == end || _text[first] != '#')
            {
                return false;
            }

            int nameStart = Chars.SkipSpaces(_text, first + 1, end);
            if (nameStart == end || !Chars.IsAsciiLetter(_text[nameStart]))
            {
                return false;
            }

            int nameEnd = nameStart + 1;
            while (nameEnd < end && Chars.IsAsciiLetterOrDigit(_text[nameEnd]))
            {
                nameEnd++;
            }

            int equals = nameEnd;
            while (equals < end && Chars.IsRegexSpace(_text[equals]))
            {
                equals++;
            }

            if (equals == end || _text[equals] != '=')
            {
                return false;
            }

            int valueEnd = end;
            while (valueEnd > equals + 1 && Chars.IsRegexSpace(_text[valueEnd - 1]))
            {
                valueEnd--;
            }

            int valueStart = equals + 1;
            while (valueStart < valueEnd && Chars.IsRegexSpace(_text[valueStart]))
            {
                valueStart++;
            }

            if (valueStart == valueEnd)
            {
                // `(.+?)` needs one char: with only whitespace after `=`, the regex takes the last whitespace char.
                if (end == equals + 1)
                {
                    return false;
                }

                valueStart = end - 1;
                valueEnd = end;
            }

            string name = _text[nameStart..nameEnd].ToLowerInvariant();
            if (Array.IndexOf(KnownDirectives, name) < 0)
            {
                return false;
            }

            var nameSpan = TextSpan.FromBounds(nameStart, nameEnd);
            var valueSpan = TextSpan.FromBounds(valueStart, valueEnd);
            string value = source.ToString(valueSpan);
            if (!_seenDirectives.Add(name))
            {
                Report(DiagnosticSeverity.Error, DiagnosticIds.DuplicateDirective, $"only one {name} parser directive can be used", nameSpan);
            }
            else if (name == "escape")
            {
                if (value is "\\" or "`")
                {
                    _escape = value[0];
                }
                else
                {
                    Report(DiagnosticSeverity.Error, DiagnosticIds.InvalidEscape, $"invalid escape token '{value}' does not match ` or \\", valueSpan);
                }
            }

            Add(new ParserDirectiveSyntax
            {
                Source = source,
                Span = TextSpan.FromBounds(first, end),
                FullSpan = line.FullSpan,
                StartLine = line.Number,
                EndLine = line.Number,
                NameToken = new SyntaxToken(SyntaxKind.DirectiveName, nameSpan, source.ToString(nameSpan), name),
                ValueToken = new SyntaxToken(SyntaxKind.DirectiveValue, valueSpan, value, value),
            });
            return true;
        }

        private void ParseInstruction(int first, int end)
        {
            int firstLineIndex = _index;
            LogicalLineBuilder builder = _logicalLineBuilder;
            builder.Clear();
            bool continued = TrimContinuation(first, end, out int segmentEnd);
            int escapeAt = segmentEnd;
            builder.Add(first, segmentEnd);

            // BuildKit keeps reading while the previous line ends with the escape char; comment lines and
            // whitespace-only lines in between are skipped (and at end of file the instruction simply ends).
            while (continued && _index + 1 < _lines.Length)
            {
                _index++;
                TextLine line = _lines[_index];
                int lineEnd = SemanticEnd(line, line.Start);
                int lineFirst = Chars.SkipSpaces(_text, line.Start, lineEnd);
                if (lineFirst < lineEnd && _text[lineFirst] == '#')
                {
                    continue;
                }

                if (lineFirst == lineEnd)
                {
                    Report(DiagnosticSeverity.Warning, DiagnosticIds.EmptyContinuationLine, "empty continuation line (BuildKit skips it; it will become an error in a future release)", line.Span);
                    continue;
                }

                continued = TrimContinuation(line.Start, lineEnd, out segmentEnd);
                escapeAt = segmentEnd;
                builder.Add(line.Start, segmentEnd);
            }

            LogicalLine logical = builder.Build(first);
            InstructionHead head = InstructionParser.Parse(logical, 0, logical.Length);

            ImmutableArray<HeredocSyntax> heredocs = head.CanContainHeredoc ? ReadHeredocs(logical) : [];

            TextLine firstLine = _lines[firstLineIndex];
            TextLine lastLine = _lines[_index];
            Add(new InstructionSyntax
            {
                Source = source,
                Span = TextSpan.FromBounds(first, Math.Max(first, SemanticEnd(lastLine, lastLine.Start))),
                FullSpan = TextSpan.FromBounds(firstLine.Start, lastLine.FullEnd),
                StartLine = firstLine.Number,
                EndLine = lastLine.Number,
                Kind = head.Kind,
                Keyword = head.Keyword,
                Flags = head.Flags,
                Arguments = head.Arguments,
                Heredocs = heredocs,
                Logical = logical,
                FlagTerminator = head.FlagTerminator,
                DanglingContinuation = continued ? new TextSpan(escapeAt, 1) : null,
            });
            _index++;
        }

        /// <summary>
        /// Reads the bodies of the heredocs named on the instruction line, one after the other, each up to the line
        /// that equals its name (after stripping leading tabs for <c>&lt;&lt;-</c>).
        /// </summary>
        private ImmutableArray<HeredocSyntax> ReadHeredocs(LogicalLine logical)
        {
            IReadOnlyList<HeredocMarker> markers = HeredocMarker.FindAll(logical.Text);
            if (markers.Count == 0)
            {
                return [];
            }

            var heredocs = ImmutableArray.CreateBuilder<HeredocSyntax>(markers.Count);
            bool reportedUnterminated = false;
            foreach (HeredocMarker marker in markers)
            {
                int bodyStart = _index + 1 < _lines.Length ? _lines[_index + 1].Start : _text.Length;
                SyntaxToken? terminator = null;
                int bodyEnd = _text.Length;
                while (_index + 1 < _lines.Length)
                {
                    _index++;
                    TextLine line = _lines[_index];
                    int lineEnd = SemanticEnd(line, line.Start);
                    int candidate = line.Start;
                    if (marker.StripTabs)
                    {
                        while (candidate < lineEnd && _text[candidate] == '\t')
                        {
                            candidate++;
                        }
                    }

                    if (_text.AsSpan(candidate, lineEnd - candidate).SequenceEqual(marker.Name))
                    {
                        var span = TextSpan.FromBounds(line.Start, lineEnd);
                        terminator = new SyntaxToken(SyntaxKind.HeredocTerminator, span, source.ToString(span), marker.Name);
                        bodyEnd = line.Start;
                        break;
                    }
                }

                TextSpan markerSpan = logical.ToSourceSpan(marker.LogicalStart, marker.LogicalEnd);
                if (terminator is null && !reportedUnterminated)
                {
                    reportedUnterminated = true;
                    Report(DiagnosticSeverity.Error, DiagnosticIds.UnterminatedHeredoc, $"unterminated heredoc: no line \"{marker.Name}\" before the end of the file", markerSpan);
                }

                var bodySpan = TextSpan.FromBounds(Math.Min(bodyStart, bodyEnd), bodyEnd);
                string body = source.ToString(bodySpan);
                heredocs.Add(new HeredocSyntax
                {
                    Name = marker.Name,
                    Marker = new SyntaxToken(SyntaxKind.Raw, markerSpan, source.ToString(markerSpan), marker.Name),
                    FileDescriptor = marker.FileDescriptor,
                    StripTabs = marker.StripTabs,
                    Expand = marker.Expand,
                    Body = new SyntaxToken(SyntaxKind.HeredocBody, bodySpan, body, body),
                    Terminator = terminator,
                });
            }

            return heredocs.MoveToImmutable();
        }

        /// <summary>
        /// BuildKit's line-continuation rule: the line ends (ignoring spaces and tabs) with the escape char, and that
        /// char is not itself escaped — or it is the only thing on the line.
        /// </summary>
        private bool TrimContinuation(int start, int end, out int segmentEnd)
        {
            int k = end;
            while (k > start && _text[k - 1] is ' ' or '\t')
            {
                k--;
            }

            if (k > start && _text[k - 1] == _escape && (k - 1 == start || _text[k - 2] != _escape))
            {
                segmentEnd = k - 1;
                return true;
            }

            segmentEnd = end;
            return false;
        }

        /// <summary>The end of a line's content with any stray trailing <c>\r</c> removed, as BuildKit's trimNewline does.</summary>
        private int SemanticEnd(TextLine line, int start)
        {
            int end = line.ContentEnd;
            while (end > start && _text[end - 1] == '\r')
            {
                end--;
            }

            return end;
        }

        /// <summary>
        /// BuildKit reads lines with Go's bufio.Scanner, whose buffer holds 64 KiB: a longer line (terminator
        /// included) makes it refuse the whole file.
        /// </summary>
        private void ReportOverlongLines()
        {
            const int MaxLineBytes = 64 * 1024;
            foreach (TextLine line in _lines)
            {
                int length = line.FullEnd - line.Start;
                if (length * 3 <= MaxLineBytes)
                {
                    continue;
                }

                int bytes = System.Text.Encoding.UTF8.GetByteCount(_text.AsSpan(line.Start, length));
                if (bytes > MaxLineBytes)
                {
                    Report(DiagnosticSeverity.Error, DiagnosticIds.LineTooLong, $"line is {bytes} bytes long; BuildKit refuses lines longer than {MaxLineBytes - 1} bytes", new TextSpan(line.Start, 0));
                }
            }
        }

        private void Add(SyntaxConstruct construct) => _constructs.Add(construct);

        private void Report(DiagnosticSeverity severity, string id, string message, TextSpan span) =>
            _diagnostics.Add(Diagnostic.Create(source, severity, id, message, span));
    }
}