using System.Collections.Immutable;

namespace DockerOpt.Core.Shell;

/// <summary>
/// Splits a POSIX shell script into tokens, recording every character as a <see cref="ShellPiece"/> so the script
/// can be given back exactly. Here-document bodies are read after the newline that ends their command, as the
/// shell does: the parser announces each <c>&lt;&lt;DELIM</c> with <see cref="AddPendingHereDoc"/>.
/// </summary>
internal sealed class ShellLexer
{
    private readonly string _text;
    private readonly char? _dockerfileEscape;
    private readonly ImmutableArray<ShellPiece>.Builder _pieces = ImmutableArray.CreateBuilder<ShellPiece>();
    private readonly List<PendingHereDoc> _pending = [];
    private readonly Dictionary<int, ShellSpan?> _hereDocBodies = [];
    private int _position;
    private ShellToken? _peeked;

    public ShellLexer(string text, char? dockerfileEscape)
    {
        _text = text;
        _dockerfileEscape = dockerfileEscape;
    }

    public string Text => _text;

    public ImmutableArray<ShellPiece> Pieces => _pieces.ToImmutable();

    public ShellToken Peek() => _peeked ??= Lex();

    public ShellToken Next()
    {
        ShellToken token = Peek();
        _peeked = null;
        return token;
    }

    /// <summary>Announces a here-document whose body starts after the next newline token.</summary>
    public void AddPendingHereDoc(int key, string delimiter, bool stripTabs) =>
        _pending.Add(new PendingHereDoc(key, delimiter, stripTabs));

    /// <summary>The body span read for the here-document announced with <paramref name="key"/>, if any.</summary>
    public ShellSpan? HereDocBody(int key) => _hereDocBodies.TryGetValue(key, out ShellSpan? span) ? span : null;

    public bool IsOperator(ShellToken token, string op) =>
        token.Kind == ShellTokenKind.Operator && string.CompareOrdinal(_text, token.Start, op, 0, Math.Max(op.Length, token.Length)) == 0;

    public bool IsWord(ShellToken token, string word) =>
        token.Kind == ShellTokenKind.Word && token.Length == word.Length && string.CompareOrdinal(_text, token.Start, word, 0, word.Length) == 0;

    public string TextOf(ShellToken token) => _text.Substring(token.Start, token.Length);

    private ShellToken Lex()
    {
        SkipTrivia();
        int start = _position;
        if (start >= _text.Length)
        {
            return new ShellToken(ShellTokenKind.End, start, start);
        }

        char c = _text[start];
        if (c == '\n' || (c == '\r' && At(start + 1) == '\n'))
        {
            _position = start + (c == '\r' ? 2 : 1);
            Add(ShellPieceKind.Newline, start, _position);
            ReadHereDocBodies();
            return new ShellToken(ShellTokenKind.Newline, start, _position);
        }

        int operatorLength = OperatorLength(start);
        if (operatorLength > 0)
        {
            _position = start + operatorLength;
            Add(ShellPieceKind.Operator, start, _position);
            return new ShellToken(ShellTokenKind.Operator, start, _position);
        }

        int end = ScanWord(start, out bool unterminated);
        _position = end;
        Add(ShellPieceKind.Word, start, end);
        return new ShellToken(ShellTokenKind.Word, start, end, unterminated);
    }

    private char At(int index) => index < _text.Length ? _text[index] : '\0';

    private void Add(ShellPieceKind kind, int start, int end)
    {
        if (end <= start)
        {
            return;
        }

        // Adjacent trivia of one kind reads better as one piece.
        if (kind == ShellPieceKind.Whitespace && _pieces.Count > 0 && _pieces[^1] is { Kind: ShellPieceKind.Whitespace } last && last.Span.End == start)
        {
            _pieces[^1] = new ShellPiece(kind, ShellSpan.FromBounds(last.Span.Start, end));
            return;
        }

        _pieces.Add(new ShellPiece(kind, ShellSpan.FromBounds(start, end)));
    }

    private void SkipTrivia()
    {
        while (_position < _text.Length)
        {
            int start = _position;
            char c = _text[start];
            if (c is ' ' or '\t' or '\f' or '\v' || (c == '\r' && At(start + 1) != '\n'))
            {
                _position++;
                Add(ShellPieceKind.Whitespace, start, _position);
            }
            else if (DockerfileContinuationLength(start) is > 0 and int dockerfile)
            {
                _position += dockerfile;
                Add(ShellPieceKind.Whitespace, start, _position);
                SkipEmbeddedCommentLines();
            }
            else if (c == '\\' && ShellContinuationLength(start) is > 0 and int shell)
            {
                _position += shell;
                Add(ShellPieceKind.Whitespace, start, _position);
            }
            else if (c == '#')
            {
                int end = start;
                while (end < _text.Length && _text[end] != '\n' && !(_text[end] == '\r' && At(end + 1) == '\n'))
                {
                    end++;
                }

                _position = end;
                Add(ShellPieceKind.Comment, start, end);
            }
            else
            {
                return;
            }
        }
    }

    /// <summary>Length of <c>\</c> + newline at <paramref name="index"/>, the shell's own line continuation.</summary>
    private int ShellContinuationLength(int index)
    {
        if (At(index) != '\\')
        {
            return 0;
        }

        return At(index + 1) switch
        {
            '\n' => 2,
            '\r' when At(index + 2) == '\n' => 3,
            _ => 0,
        };
    }

    /// <summary>Length of the Dockerfile escape + optional blanks + newline at <paramref name="index"/> (raw mode only).</summary>
    private int DockerfileContinuationLength(int index)
    {
        if (_dockerfileEscape is not { } escape || At(index) != escape)
        {
            return 0;
        }

        int i = index + 1;
        while (At(i) is ' ' or '\t')
        {
            i++;
        }

        if (At(i) == '\n')
        {
            return i + 1 - index;
        }

        return At(i) == '\r' && At(i + 1) == '\n' ? i + 2 - index : 0;
    }

    /// <summary>BuildKit drops blank and comment lines inside a continuation before the shell sees the command.</summary>
    private void SkipEmbeddedCommentLines()
    {
        while (EmbeddedLineEnd(_position) is > 0 and int end)
        {
            int i = _position;
            while (At(i) is ' ' or '\t')
            {
                i++;
            }

            Add(At(i) == '#' ? ShellPieceKind.EmbeddedComment : ShellPieceKind.Whitespace, _position, end);
            _position = end;
        }
    }

    /// <summary>The end (after its newline) of a blank or comment line starting at <paramref name="index"/>, or 0.</summary>
    private int EmbeddedLineEnd(int index)
    {
        if (index >= _text.Length)
        {
            return 0;
        }

        int i = index;
        while (At(i) is ' ' or '\t')
        {
            i++;
        }

        bool isComment = At(i) == '#';
        bool isBlank = At(i) == '\n' || (At(i) == '\r' && At(i + 1) == '\n');
        if (!isComment && !isBlank)
        {
            return 0;
        }

        int newline = _text.IndexOf('\n', i);
        return newline < 0 ? _text.Length : newline + 1;
    }

    private int OperatorLength(int index)
    {
        char c = _text[index];
        char next = At(index + 1);
        return c switch
        {
            '&' when next is '&' => 2,
            '&' when next is '>' => At(index + 2) == '>' ? 3 : 2, // bash &> / &>>
            '&' => 1,
            '|' when next is '|' or '&' => 2,
            '|' => 1,
            ';' when next is ';' or '&' => 2,
            ';' => 1,
            '(' or ')' => 1,
            '<' when next is '<' => At(index + 2) is '-' or '<' ? 3 : 2,
            '<' when next is '&' or '>' => 2,
            '<' => 1,
            '>' when next is '>' or '&' or '|' => 2,
            '>' => 1,
            _ => 0,
        };
    }

    private int ScanWord(int index, out bool unterminated)
    {
        unterminated = false;
        int i = index;
        while (i < _text.Length)
        {
            char c = _text[i];
            if (c is ' ' or '\t' or '\n' or '&' or '|' or ';' or '<' or '>' or '(' or ')' || (c == '\r' && At(i + 1) == '\n'))
            {
                break;
            }

            if (DockerfileContinuationLength(i) is > 0 and int continuation)
            {
                // A continuation followed by a blank (after any dropped comment lines) ends the word; the
                // continuation is then trivia. Otherwise the word goes on across the line break ('foo\' newline 'bar').
                int resume = i + continuation;
                while (EmbeddedLineEnd(resume) is > 0 and int lineEnd)
                {
                    resume = lineEnd;
                }

                char after = At(resume);
                if (resume >= _text.Length || after is ' ' or '\t' or '\n' or '\r' or '&' or '|' or ';' or '<' or '>' or '(' or ')')
                {
                    break;
                }

                i += continuation;
                continue;
            }

            int next = c switch
            {
                '\\' => i + 2,
                '\'' => ShellScanner.SkipSingleQuoted(_text, i + 1),
                '"' => ShellScanner.SkipDoubleQuoted(_text, i + 1),
                '`' => ShellScanner.SkipBackticks(_text, i + 1),
                '$' => ShellScanner.SkipDollar(_text, i),
                _ => i + 1,
            };
            if (next < 0)
            {
                unterminated = true;
                return _text.Length;
            }

            i = Math.Min(next, _text.Length);
        }

        return i;
    }

    private void ReadHereDocBodies()
    {
        if (_pending.Count == 0)
        {
            return;
        }

        for (int index = 0; index < _pending.Count; index++)
        {
            PendingHereDoc hereDoc = _pending[index];
            int bodyStart = _position;
            int lineStart = _position;
            int bodyEnd = _text.Length;
            while (lineStart < _text.Length)
            {
                int newline = _text.IndexOf('\n', lineStart);
                int lineEnd = newline < 0 ? _text.Length : newline;
                int contentEnd = lineEnd > lineStart && _text[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
                int contentStart = lineStart;
                if (hereDoc.StripTabs)
                {
                    while (contentStart < contentEnd && _text[contentStart] == '\t')
                    {
                        contentStart++;
                    }
                }

                if (contentEnd - contentStart == hereDoc.Delimiter.Length
                    && string.CompareOrdinal(_text, contentStart, hereDoc.Delimiter, 0, hereDoc.Delimiter.Length) == 0)
                {
                    bodyEnd = contentEnd;
                    break;
                }

                lineStart = newline < 0 ? _text.Length : newline + 1;
            }

            if (bodyEnd > bodyStart)
            {
                Add(ShellPieceKind.HereDocBody, bodyStart, bodyEnd);
                _hereDocBodies[hereDoc.Key] = ShellSpan.FromBounds(bodyStart, bodyEnd);
            }

            _position = bodyEnd;
            if (_position < _text.Length && bodyEnd < _text.Length)
            {
                // The newline after the closing delimiter belongs to the body, not to the command list.
                int after = _text[_position] == '\r' && At(_position + 1) == '\n' ? _position + 2 : _text[_position] == '\n' ? _position + 1 : _position;
                if (after > _position && index < _pending.Count - 1)
                {
                    Add(ShellPieceKind.HereDocBody, _position, after);
                    _position = after;
                }
            }
        }

        _pending.Clear();
    }

    private sealed record PendingHereDoc(int Key, string Delimiter, bool StripTabs);
}