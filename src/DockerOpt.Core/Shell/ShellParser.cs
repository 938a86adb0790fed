using System.Collections.Immutable;

namespace DockerOpt.Core.Shell;

/// <summary>
/// Parses a POSIX <c>sh</c> command as found in a Dockerfile RUN into a lossless <see cref="ShellScript"/>.
/// Lists, and-or chains, pipelines, subshells, brace groups, simple commands, assignments, redirections and
/// here-documents are modelled; compound commands (<c>if</c>, loops, <c>case</c>), functions and bash-only syntax
/// are kept as <see cref="ShellOpaqueCommand"/> with a reason rather than guessed. Never throws on any input.
/// </summary>
public static class ShellParser
{
    public static ShellScript Parse(string command) => Parse(command, ShellParseOptions.Default);

    public static ShellScript Parse(string command, ShellParseOptions options)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(options);
        return new Parser(command, options).ParseScript();
    }

    private sealed class Parser(string text, ShellParseOptions options)
    {
        private const int MaxDepth = 64;

        private static readonly HashSet<string> CompoundStarters = ["if", "for", "while", "until", "case", "select"];
        private static readonly HashSet<string> CompoundEnders = ["fi", "done", "esac"];
        private static readonly HashSet<string> UnexpectedReservedWords = ["then", "else", "elif", "fi", "do", "done", "esac", "}"];

        // After these words the next word is again in command position, so it may be a reserved word.
        private static readonly HashSet<string> CommandPositionOpeners = ["then", "do", "else", "elif", "if", "while", "until", "{", "!", "time"];

        private readonly ShellLexer _lexer = new(text, options.DockerfileEscape);
        private readonly List<ShellOpaqueCommand> _opaque = [];
        private readonly List<(ShellRedirection Redirection, int Key, string Delimiter, bool StripTabs, bool Expands)> _hereDocs = [];
        private int _depth;

        public ShellScript ParseScript()
        {
            ShellList root = ParseList(Stop.None);

            // A stray ')' or similar at top level: keep the rest as opaque text.
            ShellToken rest = _lexer.Peek();
            if (rest.Kind != ShellTokenKind.End)
            {
                ShellOpaqueCommand tail = ConsumeRestAsOpaque(rest.Start, $"unexpected '{_lexer.TextOf(rest)}'");
                ShellAndOrList item = new(tail.Span, [new ShellPipeline(tail.Span, false, [tail])], [], ShellConnector.None);
                root = new ShellList(ShellSpan.FromBounds(root.Items.IsEmpty ? tail.Span.Start : root.Span.Start, tail.Span.End), root.Items.Add(item));
            }

            ImmutableArray<ShellHereDoc> hereDocs = [.. _hereDocs.Select(h => new ShellHereDoc(h.Redirection, h.Delimiter, h.StripTabs, h.Expands, _lexer.HereDocBody(h.Key)))];
            return new ShellScript(text, root, _lexer.Pieces, hereDocs, OutermostOpaqueParts());
        }

        private ImmutableArray<ShellOpaqueCommand> OutermostOpaqueParts()
        {
            _opaque.Sort(static (a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : b.Span.Length.CompareTo(a.Span.Length));
            ImmutableArray<ShellOpaqueCommand>.Builder outer = ImmutableArray.CreateBuilder<ShellOpaqueCommand>();
            foreach (ShellOpaqueCommand part in _opaque)
            {
                if (outer.Count == 0 || !outer[^1].Span.Contains(part.Span) || outer[^1].Span.Length == 0)
                {
                    outer.Add(part);
                }
            }

            return outer.ToImmutable();
        }

        private enum Stop
        {
            None,
            CloseParen,
            CloseBrace,
        }

        private bool IsStop(ShellToken token, Stop stop) => stop switch
        {
            Stop.CloseParen => _lexer.IsOperator(token, ")"),
            Stop.CloseBrace => _lexer.IsWord(token, "}"),
            _ => false,
        };

        private ShellList ParseList(Stop stop)
        {
            ImmutableArray<ShellAndOrList>.Builder items = ImmutableArray.CreateBuilder<ShellAndOrList>();
            int start = -1;
            int end = -1;
            while (true)
            {
                ShellToken token = _lexer.Peek();
                if (token.Kind == ShellTokenKind.Newline)
                {
                    _lexer.Next();
                    continue;
                }

                if (token.Kind == ShellTokenKind.End || IsStop(token, stop) || (stop == Stop.None && _lexer.IsOperator(token, ")")))
                {
                    break;
                }

                ShellAndOrList andOr = ParseAndOr();
                ShellToken next = _lexer.Peek();
                ShellConnector terminator = ShellConnector.None;
                if (_lexer.IsOperator(next, ";"))
                {
                    terminator = ShellConnector.Semicolon;
                    _lexer.Next();
                }
                else if (_lexer.IsOperator(next, "&"))
                {
                    terminator = ShellConnector.Background;
                    _lexer.Next();
                }
                else if (next.Kind == ShellTokenKind.Newline)
                {
                    terminator = ShellConnector.Newline;
                    _lexer.Next();
                }

                items.Add(andOr with { Terminator = terminator });
                start = start < 0 ? andOr.Span.Start : start;
                end = andOr.Span.End;
                if (terminator == ShellConnector.None && !IsListEnd(_lexer.Peek(), stop))
                {
                    // Something the grammar does not allow here (e.g. 'a ;; b'): keep it as text.
                    ShellToken bad = _lexer.Peek();
                    ShellOpaqueCommand opaque = ConsumeRestAsOpaque(bad.Start, $"unexpected '{_lexer.TextOf(bad)}'");
                    items.Add(new ShellAndOrList(opaque.Span, [new ShellPipeline(opaque.Span, false, [opaque])], [], ShellConnector.None));
                    end = opaque.Span.End;
                    break;
                }
            }

            if (start < 0)
            {
                int at = _lexer.Peek().Start;
                return new ShellList(new ShellSpan(at, 0), []);
            }

            return new ShellList(ShellSpan.FromBounds(start, end), items.ToImmutable());
        }

        private bool IsListEnd(ShellToken token, Stop stop) =>
            token.Kind is ShellTokenKind.End or ShellTokenKind.Newline || IsStop(token, stop) || _lexer.IsOperator(token, ")");

        private ShellAndOrList ParseAndOr()
        {
            ImmutableArray<ShellPipeline>.Builder pipelines = ImmutableArray.CreateBuilder<ShellPipeline>();
            ImmutableArray<ShellConnector>.Builder operators = ImmutableArray.CreateBuilder<ShellConnector>();
            pipelines.Add(ParsePipeline());
            while (true)
            {
                ShellToken token = _lexer.Peek();
                ShellConnector op = _lexer.IsOperator(token, "&&") ? ShellConnector.And : _lexer.IsOperator(token, "||") ? ShellConnector.Or : ShellConnector.None;
                if (op == ShellConnector.None)
                {
                    break;
                }

                _lexer.Next();
                SkipNewlines();
                operators.Add(op);
                pipelines.Add(ParsePipeline());
            }

            ShellSpan span = ShellSpan.FromBounds(pipelines[0].Span.Start, pipelines[^1].Span.End);
            return new ShellAndOrList(span, pipelines.ToImmutable(), operators.ToImmutable(), ShellConnector.None);
        }

        private void SkipNewlines()
        {
            while (_lexer.Peek().Kind == ShellTokenKind.Newline)
            {
                _lexer.Next();
            }
        }

        private ShellPipeline ParsePipeline()
        {
            ShellToken first = _lexer.Peek();
            bool negated = false;
            if (_lexer.IsWord(first, "!"))
            {
                negated = true;
                _lexer.Next();
            }

            ImmutableArray<ShellCommandNode>.Builder commands = ImmutableArray.CreateBuilder<ShellCommandNode>();
            commands.Add(ParseCommand());
            while (_lexer.IsOperator(_lexer.Peek(), "|") || _lexer.IsOperator(_lexer.Peek(), "|&"))
            {
                _lexer.Next();
                SkipNewlines();
                commands.Add(ParseCommand());
            }

            int start = negated ? first.Start : commands[0].Span.Start;
            return new ShellPipeline(ShellSpan.FromBounds(start, commands[^1].Span.End), negated, commands.ToImmutable());
        }

        private ShellCommandNode ParseCommand()
        {
            ShellToken token = _lexer.Peek();
            if (token.Kind is ShellTokenKind.End or ShellTokenKind.Newline)
            {
                return AddOpaque(new ShellOpaqueCommand(new ShellSpan(token.Start, 0), string.Empty, "missing command"));
            }

            if (_depth >= MaxDepth)
            {
                return ConsumeRestAsOpaque(token.Start, "nesting too deep");
            }

            if (_lexer.IsOperator(token, "("))
            {
                return ParseGroup(token, Stop.CloseParen);
            }

            if (token.Kind == ShellTokenKind.Operator && !IsRedirectionOperator(token))
            {
                _lexer.Next();
                return AddOpaque(new ShellOpaqueCommand(ShellSpan.FromBounds(token.Start, token.End), _lexer.TextOf(token), $"unexpected '{_lexer.TextOf(token)}'"));
            }

            if (token.Kind == ShellTokenKind.Word)
            {
                string word = _lexer.TextOf(token);
                if (word == "{")
                {
                    return ParseGroup(token, Stop.CloseBrace);
                }

                if (CompoundStarters.Contains(word))
                {
                    return ParseOpaqueCompound(token, $"'{word}' compound command");
                }

                if (word == "[[")
                {
                    return ParseOpaqueUntilWord(token, "]]", "bash '[[' test");
                }

                if (word == "function")
                {
                    return ParseFunctionDefinition(token);
                }

                if (UnexpectedReservedWords.Contains(word))
                {
                    return ConsumeRestAsOpaque(token.Start, $"unexpected '{word}'");
                }
            }

            return ParseSimpleCommand();
        }

        private ShellCommandNode ParseGroup(ShellToken open, Stop stop)
        {
            _lexer.Next();
            _depth++;
            ShellList body = ParseList(stop);
            _depth--;
            ShellToken close = _lexer.Peek();
            if (!IsStop(close, stop))
            {
                return ConsumeRestAsOpaque(open.Start, stop == Stop.CloseParen ? "unclosed '('" : "unclosed '{'");
            }

            _lexer.Next();
            ImmutableArray<ShellRedirection> redirections = ParseTrailingRedirections(out string? bashism);
            int end = redirections.IsEmpty ? close.End : redirections[^1].Span.End;
            ShellSpan span = ShellSpan.FromBounds(open.Start, end);
            if (bashism is not null)
            {
                return AddOpaque(new ShellOpaqueCommand(span, span.Of(text), bashism));
            }

            return stop == Stop.CloseParen
                ? new ShellSubshell(span, body, redirections)
                : new ShellBraceGroup(span, body, redirections);
        }

        private ImmutableArray<ShellRedirection> ParseTrailingRedirections(out string? opaqueReason)
        {
            opaqueReason = null;
            ImmutableArray<ShellRedirection>.Builder redirections = ImmutableArray.CreateBuilder<ShellRedirection>();
            while (true)
            {
                ShellToken token = _lexer.Peek();
                if (IsRedirectionOperator(token) || IsIoNumber(token))
                {
                    ShellRedirection? redirection = ParseRedirection(ref opaqueReason);
                    if (redirection is null)
                    {
                        break;
                    }

                    redirections.Add(redirection);
                }
                else
                {
                    break;
                }
            }

            return redirections.ToImmutable();
        }

        /// <summary>
        /// Skips a compound command by counting its reserved words in command position until the one that closes it.
        /// </summary>
        private ShellOpaqueCommand ParseOpaqueCompound(ShellToken first, string reason)
        {
            int depth = 0;
            bool commandPosition = true;
            int end = first.End;
            bool closed = false;
            while (true)
            {
                ShellToken token = _lexer.Next();
                if (token.Kind == ShellTokenKind.End)
                {
                    break;
                }

                end = token.End;
                if (token.Kind == ShellTokenKind.Word)
                {
                    string word = _lexer.TextOf(token);
                    if (commandPosition && CompoundStarters.Contains(word))
                    {
                        depth++;
                    }
                    else if (commandPosition && CompoundEnders.Contains(word))
                    {
                        depth--;
                        if (depth == 0)
                        {
                            closed = true;
                            break;
                        }
                    }

                    commandPosition = CommandPositionOpeners.Contains(word);
                }
                else if (token.Kind == ShellTokenKind.Operator)
                {
                    if (IsHereDocOperator(token))
                    {
                        end = RegisterOpaqueHereDoc(token, end);
                    }

                    commandPosition = !IsRedirectionOperator(token);
                }
                else
                {
                    commandPosition = true;
                }
            }

            return FinishOpaque(first.Start, end, closed ? reason : $"unterminated {reason}");
        }

        private ShellOpaqueCommand ParseOpaqueUntilWord(ShellToken first, string closing, string reason)
        {
            int end = first.End;
            while (true)
            {
                ShellToken token = _lexer.Peek();
                if (token.Kind is ShellTokenKind.End or ShellTokenKind.Newline)
                {
                    break;
                }

                _lexer.Next();
                end = token.End;
                if (_lexer.IsWord(token, closing))
                {
                    break;
                }
            }

            return FinishOpaque(first.Start, end, reason);
        }

        private ShellOpaqueCommand ParseFunctionDefinition(ShellToken first)
        {
            // 'function name [()] body' (bash) or, reached from a simple command, 'name () body'.
            if (_lexer.IsWord(first, "function"))
            {
                _lexer.Next();
                if (_lexer.Peek().Kind == ShellTokenKind.Word)
                {
                    _lexer.Next();
                }
            }

            if (_lexer.IsOperator(_lexer.Peek(), "("))
            {
                _lexer.Next();
                if (_lexer.IsOperator(_lexer.Peek(), ")"))
                {
                    _lexer.Next();
                }
            }

            SkipNewlines();
            ShellToken bodyStart = _lexer.Peek();
            if (bodyStart.Kind == ShellTokenKind.End)
            {
                return FinishOpaque(first.Start, bodyStart.Start, "function definition");
            }

            _depth++;
            ShellCommandNode body = ParseCommand();
            _depth--;
            return FinishOpaque(first.Start, body.Span.End, "function definition");
        }

        private ShellOpaqueCommand FinishOpaque(int start, int end, string reason)
        {
            ImmutableArray<ShellRedirection> redirections = ParseTrailingRedirections(out _);
            if (!redirections.IsEmpty)
            {
                end = redirections[^1].Span.End;
            }

            ShellSpan span = ShellSpan.FromBounds(start, end);
            return AddOpaque(new ShellOpaqueCommand(span, span.Of(text), reason));
        }

        private int RegisterOpaqueHereDoc(ShellToken op, int end)
        {
            ShellToken target = _lexer.Peek();
            if (target.Kind != ShellTokenKind.Word)
            {
                return end;
            }

            _lexer.Next();
            ShellWord delimiter = ShellWordReader.Read(text, target.Start, target.End, options.DockerfileEscape);
            _lexer.AddPendingHereDoc(-1, delimiter.Value ?? delimiter.Text, _lexer.IsOperator(op, "<<-"));
            return target.End;
        }

        private ShellCommandNode ParseSimpleCommand()
        {
            ImmutableArray<ShellAssignment>.Builder assignments = ImmutableArray.CreateBuilder<ShellAssignment>();
            ImmutableArray<ShellWord>.Builder words = ImmutableArray.CreateBuilder<ShellWord>();
            ImmutableArray<ShellRedirection>.Builder redirections = ImmutableArray.CreateBuilder<ShellRedirection>();
            string? opaqueReason = null;
            int start = _lexer.Peek().Start;
            int end = start;
            while (true)
            {
                ShellToken token = _lexer.Peek();
                if (IsRedirectionOperator(token) || IsIoNumber(token))
                {
                    ShellRedirection? redirection = ParseRedirection(ref opaqueReason);
                    if (redirection is null)
                    {
                        break;
                    }

                    redirections.Add(redirection);
                    end = redirection.Span.End;
                    continue;
                }

                if (token.Kind != ShellTokenKind.Word)
                {
                    break;
                }

                _lexer.Next();
                end = token.End;
                if (token.Unterminated)
                {
                    opaqueReason ??= "unterminated quote or substitution";
                }

                ShellWord word = ShellWordReader.Read(text, token.Start, token.End, options.DockerfileEscape);
                if (words.Count == 0 && AssignmentName(word.Text) is { } name)
                {
                    assignments.Add(new ShellAssignment(word, name));
                    if (word.Text.Length == name.Length + 1 && _lexer.IsOperator(_lexer.Peek(), "(") && _lexer.Peek().Start == token.End)
                    {
                        return ConsumeBashArray(start);
                    }

                    continue;
                }

                words.Add(word);
                if (words.Count == 1 && assignments.Count == 0 && redirections.Count == 0 && _lexer.IsOperator(_lexer.Peek(), "("))
                {
                    return ParseFunctionDefinition(token);
                }
            }

            ShellSpan span = ShellSpan.FromBounds(start, end);
            if (opaqueReason is not null)
            {
                return AddOpaque(new ShellOpaqueCommand(span, span.Of(text), opaqueReason));
            }

            return new ShellSimpleCommand(span, span.Of(text), assignments.ToImmutable(), words.ToImmutable(), redirections.ToImmutable());
        }

        /// <summary><c>NAME=( a b c )</c> is a bash array; sh rejects it.</summary>
        private ShellOpaqueCommand ConsumeBashArray(int start)
        {
            ShellToken open = _lexer.Next();
            int depth = 1;
            int end = open.End;
            while (depth > 0)
            {
                ShellToken token = _lexer.Next();
                if (token.Kind == ShellTokenKind.End)
                {
                    break;
                }

                end = token.End;
                depth += _lexer.IsOperator(token, "(") ? 1 : _lexer.IsOperator(token, ")") ? -1 : 0;
            }

            return FinishOpaque(start, end, "bash array assignment");
        }

        private ShellRedirection? ParseRedirection(ref string? opaqueReason)
        {
            ShellToken first = _lexer.Peek();
            int? fd = null;
            if (first.Kind == ShellTokenKind.Word)
            {
                _lexer.Next();
                fd = int.TryParse(_lexer.TextOf(first), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n) ? n : null;
            }

            ShellToken op = _lexer.Next();
            string opText = _lexer.TextOf(op);
            if (opText == "<<<")
            {
                opaqueReason ??= "here-string (<<<)";
            }
            else if (opText is "&>" or "&>>")
            {
                opaqueReason ??= $"bash redirection '{opText}' (in sh it means background)";
            }

            ShellToken target = _lexer.Peek();
            if (target.Kind != ShellTokenKind.Word)
            {
                opaqueReason ??= $"'{opText}' without a target";
                ShellSpan bare = ShellSpan.FromBounds(first.Start, op.End);
                return new ShellRedirection(bare, bare.Of(text), fd, opText, null);
            }

            _lexer.Next();
            ShellWord targetWord = ShellWordReader.Read(text, target.Start, target.End, options.DockerfileEscape);
            ShellSpan span = ShellSpan.FromBounds(first.Start, target.End);
            ShellRedirection redirection = new(span, span.Of(text), fd, opText, targetWord);
            if (opText is "<<" or "<<-")
            {
                string delimiter = targetWord.Value ?? targetWord.Text;
                int key = _hereDocs.Count;
                _hereDocs.Add((redirection, key, delimiter, opText == "<<-", !targetWord.IsQuoted));
                _lexer.AddPendingHereDoc(key, delimiter, opText == "<<-");
            }

            return redirection;
        }

        private bool IsIoNumber(ShellToken token)
        {
            if (token.Kind != ShellTokenKind.Word || token.End >= text.Length || text[token.End] is not ('<' or '>'))
            {
                return false;
            }

            for (int i = token.Start; i < token.End; i++)
            {
                if (!char.IsAsciiDigit(text[i]))
                {
                    return false;
                }
            }

            return true;
        }

        private bool IsRedirectionOperator(ShellToken token) =>
            token.Kind == ShellTokenKind.Operator && text[token.Start] is '<' or '>' || (token.Kind == ShellTokenKind.Operator && token.Length >= 2 && text[token.Start] == '&' && text[token.Start + 1] == '>');

        private bool IsHereDocOperator(ShellToken token) => _lexer.IsOperator(token, "<<") || _lexer.IsOperator(token, "<<-");

        private static string? AssignmentName(string word)
        {
            int equals = word.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || !(word[0] == '_' || char.IsAsciiLetter(word[0])))
            {
                return null;
            }

            for (int i = 1; i < equals; i++)
            {
                if (!(word[i] == '_' || char.IsAsciiLetterOrDigit(word[i])))
                {
                    return null;
                }
            }

            return word[..equals];
        }

        private ShellOpaqueCommand ConsumeRestAsOpaque(int start, string reason)
        {
            int end = start;
            while (true)
            {
                ShellToken token = _lexer.Next();
                if (token.Kind == ShellTokenKind.End)
                {
                    break;
                }

                end = token.End;
            }

            // Trailing trivia (comments, spaces) belongs to the pieces, not to the opaque node.
            ShellSpan span = ShellSpan.FromBounds(start, end);
            return AddOpaque(new ShellOpaqueCommand(span, span.Of(text), reason));
        }

        private ShellOpaqueCommand AddOpaque(ShellOpaqueCommand opaque)
        {
            _opaque.Add(opaque);
            return opaque;
        }
    }
}