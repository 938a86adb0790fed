using System.Collections.Immutable;

namespace DockerOpt.Syntax;

/// <summary>
/// Reads one logical line the way BuildKit's <c>newNodeFromLine</c> does (splitCommand, extractBuilderFlags, then
/// the per-instruction line parser) and reports what BuildKit's instruction parser would reject.
/// </summary>
internal sealed class InstructionParser(SourceText source, char escape, List<Diagnostic> diagnostics)
{
    // Flags whose BuildKit definition is a string: `--from x` (no `=`) is refused as "missing a value".
    private static readonly HashSet<string> ValueFlags = new(StringComparer.Ordinal)
    {
        "platform", "mount", "network", "security", "from", "chown", "chmod", "exclude", "checksum",
        "interval", "timeout", "start-period", "start-interval", "retries",
    };

    public InstructionHead Parse(LogicalLine logical, int start, int end)
    {
        string text = logical.Text;
        int a = Chars.SkipSpaces(text, start, end);
        int b = Chars.TrimEndSpaces(text, a, end);

        int keywordEnd = a;
        while (keywordEnd < b && !Chars.IsTokenSeparator(text[keywordEnd]))
        {
            keywordEnd++;
        }

        var context = new Context(logical, source);
        SyntaxToken keyword = context.Keyword(a, keywordEnd);
        InstructionKind kind = InstructionKinds.FromKeyword(keyword.Value);

        ImmutableArray<FlagSyntax> flags = [];
        TextSpan? flagTerminator = null;
        int argsStart = b;
        if (keywordEnd < b)
        {
            int rest = keywordEnd;
            while (rest < b && Chars.IsTokenSeparator(text[rest]))
            {
                rest++;
            }

            (IReadOnlyList<LogicalWord> flagWords, int restStart, int terminatorStart) = BuilderFlagSplitter.Split(text, rest, b);
            if (flagWords.Count > 0)
            {
                var read = ImmutableArray.CreateBuilder<FlagSyntax>(flagWords.Count);
                foreach (LogicalWord word in flagWords)
                {
                    read.Add(ToFlag(context, word));
                }

                flags = read.MoveToImmutable();
            }

            if (terminatorStart >= 0)
            {
                flagTerminator = context.Span(terminatorStart, terminatorStart + 2);
            }

            foreach (FlagSyntax flag in flags)
            {
                if (flag.Value is null && ValueFlags.Contains(flag.Name))
                {
                    Report(context, DiagnosticSeverity.Error, DiagnosticIds.MissingFlagValue, $"missing a value on flag: --{flag.Name} (write --{flag.Name}=value)", flag.Span);
                }
            }
            argsStart = Chars.SkipSpaces(text, restStart, b);
        }

        ArgumentsSyntax arguments = ParseArguments(context, kind, keyword, argsStart, b);
        return new InstructionHead(kind, keyword, flags, arguments) { FlagTerminator = flagTerminator };
    }

    private static FlagSyntax ToFlag(Context context, LogicalWord word)
    {
        string value = word.Value;
        string body = value.StartsWith("--", StringComparison.Ordinal) ? value[2..] : value;
        int equals = body.IndexOf('=', StringComparison.Ordinal);
        string name = equals < 0 ? body : body[..equals];
        string? flagValue = equals < 0 ? null : body[(equals + 1)..];
        return new FlagSyntax(context.Token(SyntaxKind.Flag, word.Start, word.End, value), value, name, flagValue);
    }

    private ArgumentsSyntax ParseArguments(Context context, InstructionKind kind, SyntaxToken keyword, int a, int b)
    {
        string upper = keyword.Value.ToUpperInvariant();
        switch (kind)
        {
            case InstructionKind.Run or InstructionKind.Cmd or InstructionKind.Entrypoint or InstructionKind.Shell:
                {
                    ArgumentsSyntax args = MaybeJson(context, a, b, toList: false);
                    if (kind == InstructionKind.Shell && args.Form == InstructionForm.Shell)
                    {
                        Report(context, DiagnosticSeverity.Error, DiagnosticIds.MissingArguments, "SHELL requires the arguments to be in JSON form", a, b);
                    }

                    return args;
                }

            case InstructionKind.Add or InstructionKind.Copy or InstructionKind.Volume:
                {
                    ArgumentsSyntax args = MaybeJson(context, a, b, toList: true);
                    int count = args switch
                    {
                        ExecFormArguments exec => exec.Elements.Length,
                        WordArguments words => words.Words.Length,
                        _ => 0,
                    };
                    int required = kind == InstructionKind.Volume ? 1 : 2;
                    if (count < required)
                    {
                        string what = required == 1 ? "at least one argument" : "at least two arguments";
                        Report(context, DiagnosticSeverity.Error, DiagnosticIds.MissingArguments, $"{upper} requires {what}", a, b);
                    }

                    return args;
                }

            case InstructionKind.From:
                return ParseFrom(context, a, b);

            case InstructionKind.Expose:
                {
                    var words = WordSplitter.SplitOnWhitespace(context.Text, a, b);
                    RequireOne(context, upper, words.Count, a, b);
                    return Words(context, words, a, b, InstructionForm.None);
                }

            case InstructionKind.Arg:
                {
                    var words = WordSplitter.ParseWords(context.Text, a, b, escape);
                    RequireOne(context, upper, words.Count, a, b);
                    return Words(context, words, a, b, InstructionForm.None);
                }

            case InstructionKind.Env or InstructionKind.Label:
                return ParseKeyValues(context, upper, a, b);

            case InstructionKind.Maintainer or InstructionKind.Stopsignal or InstructionKind.User or InstructionKind.Workdir:
                {
                    RequireOne(context, upper, a < b ? 1 : 0, a, b);
                    List<LogicalWord> words = a < b ? [new LogicalWord(a, b, context.Text[a..b])] : [];
                    return Words(context, words, a, b, InstructionForm.None);
                }

            case InstructionKind.Healthcheck:
                return ParseHealthcheck(context, a, b);

            case InstructionKind.Onbuild:
                return ParseOnbuild(context, a, b);

            default:
                Report(context, DiagnosticSeverity.Error, DiagnosticIds.UnknownInstruction, $"unknown instruction: {keyword.Value}", keyword.Span);
                return a < b
                    ? new RawArguments { Span = context.Span(a, b), Raw = context.Token(SyntaxKind.Raw, a, b) }
                    : new EmptyArguments { Span = context.Span(a, b) };
        }
    }

    private ArgumentsSyntax MaybeJson(Context context, int a, int b, bool toList)
    {
        if (a == b)
        {
            return new EmptyArguments { Span = context.Span(a, b) };
        }

        JsonArrayResult result = JsonArrayReader.Read(context.Text, a, b, out List<LogicalWord> elements);
        if (result == JsonArrayResult.Strings)
        {
            return new ExecFormArguments
            {
                Span = context.Span(a, b),
                Elements = ElementTokens(context, elements),
            };
        }

        if (result == JsonArrayResult.NotStrings)
        {
            Report(context, DiagnosticSeverity.Error, DiagnosticIds.JsonArrayNotStrings, "when using JSON array syntax, arrays must be comprised of strings only", a, b);
        }

        if (toList)
        {
            return Words(context, WordSplitter.SplitOnWhitespace(context.Text, a, b), a, b, InstructionForm.Shell);
        }

        return new ShellFormArguments
        {
            Span = context.Span(a, b),
            Command = context.Token(SyntaxKind.ShellCommand, a, b),
            Logical = context.Logical,
            LogicalStart = a,
        };
    }

    private FromArguments ParseFrom(Context context, int a, int b)
    {
        List<LogicalWord> words = WordSplitter.SplitOnWhitespace(context.Text, a, b);
        var from = new FromArguments
        {
            Span = context.Span(a, b),
            Words = words.Select(w => context.Token(WordKindInFrom(words, w), w.Start, w.End)).ToImmutableArray(),
        };

        if (from.StageName is { } name)
        {
            // A name with a variable is expanded by BuildKit before it is checked, so only literal names are checked here.
            if (!name.Value.Contains('$', StringComparison.Ordinal) && !IsValidStageName(name.Value.ToLowerInvariant()))
            {
                Report(context, DiagnosticSeverity.Error, DiagnosticIds.InvalidFrom, $"invalid name for build stage: \"{name.Value}\", name can't start with a number or contain symbols", name.Span);
            }
        }
        else if (words.Count != 1)
        {
            Report(context, DiagnosticSeverity.Error, DiagnosticIds.InvalidFrom, "FROM requires either one or three arguments", a, b);
        }

        return from;
    }

    private static SyntaxKind WordKindInFrom(List<LogicalWord> words, LogicalWord word)
    {
        bool hasAs = words.Count == 3 && words[1].Value.Equals("as", StringComparison.OrdinalIgnoreCase);
        if (word == words[0])
        {
            return SyntaxKind.Image;
        }

        if (hasAs)
        {
            return word == words[1] ? SyntaxKind.AsKeyword : SyntaxKind.StageName;
        }

        return SyntaxKind.Word;
    }

    // BuildKit: ^[a-z][a-z0-9-_\.]*$ on the lower-cased name.
    private static bool IsValidStageName(string name)
    {
        if (name.Length == 0 || name[0] is < 'a' or > 'z')
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    private KeyValueArguments ParseKeyValues(Context context, string upper, int a, int b)
    {
        string text = context.Text;
        List<LogicalWord> words = WordSplitter.ParseWords(text, a, b, escape);
        var pairs = ImmutableArray.CreateBuilder<KeyValuePairSyntax>();
        if (words.Count == 0)
        {
            RequireOne(context, upper, 0, a, b);
            return new KeyValueArguments { Span = context.Span(a, b), Pairs = [], IsLegacyForm = false };
        }

        if (!words[0].Value.Contains('=', StringComparison.Ordinal))
        {
            // Legacy `ENV key value with spaces`: the value is the rest of the line, verbatim.
            int keyEnd = a;
            while (keyEnd < b && !Chars.IsTokenSeparator(text[keyEnd]))
            {
                keyEnd++;
            }

            int valueStart = keyEnd;
            while (valueStart < b && Chars.IsTokenSeparator(text[valueStart]))
            {
                valueStart++;
            }

            if (keyEnd == b)
            {
                Report(context, DiagnosticSeverity.Error, DiagnosticIds.InvalidKeyValue, $"{upper} must have two arguments", a, b);
            }

            pairs.Add(new KeyValuePairSyntax(context.Token(SyntaxKind.Key, a, keyEnd), context.Token(SyntaxKind.Value, valueStart, b)));
            return new KeyValueArguments { Span = context.Span(a, b), Pairs = pairs.ToImmutable(), IsLegacyForm = true };
        }

        foreach (LogicalWord word in words)
        {
            int equals = word.Value.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                Report(context, DiagnosticSeverity.Error, DiagnosticIds.InvalidKeyValue, $"Syntax error - can't find = in \"{word.Value}\". Must be of the form: name=value", word.Start, word.End);
                continue;
            }

            // parseWords keeps the word's text except a trailing escape char, so offsets into the value are
            // offsets into the logical line.
            int equalsAt = word.Start + equals;
            pairs.Add(new KeyValuePairSyntax(
                context.Token(SyntaxKind.Key, word.Start, equalsAt, word.Value[..equals]),
                context.Token(SyntaxKind.Value, equalsAt + 1, word.End, word.Value[(equals + 1)..])));
        }

        return new KeyValueArguments { Span = context.Span(a, b), Pairs = pairs.ToImmutable(), IsLegacyForm = false };
    }

    private ArgumentsSyntax ParseHealthcheck(Context context, int a, int b)
    {
        string text = context.Text;
        if (a == b)
        {
            RequireOne(context, "HEALTHCHECK", 0, a, b);
            return new EmptyArguments { Span = context.Span(a, b) };
        }

        int separator = a;
        while (separator < b && !Chars.IsSpace(text[separator]))
        {
            separator++;
        }

        int commandStart = Chars.SkipSpaces(text, separator, b);
        SyntaxToken type = context.Token(SyntaxKind.HealthcheckType, a, separator);
        ArgumentsSyntax command = MaybeJson(context, commandStart, b, toList: false);
        string typeUpper = type.Value.ToUpperInvariant();
        if (typeUpper == "NONE")
        {
            if (command is not EmptyArguments)
            {
                Report(context, DiagnosticSeverity.Error, DiagnosticIds.InvalidHealthcheck, "HEALTHCHECK NONE takes no arguments", commandStart, b);
            }
        }
        else if (typeUpper == "CMD")
        {
            if (command is EmptyArguments)
            {
                Report(context, DiagnosticSeverity.Error, DiagnosticIds.InvalidHealthcheck, "Missing command after HEALTHCHECK CMD", type.Span);
            }
        }
        else
        {
            Report(context, DiagnosticSeverity.Error, DiagnosticIds.InvalidHealthcheck, $"Unknown type \"{type.Value}\" in HEALTHCHECK (try CMD)", type.Span);
        }

        return new HealthcheckArguments { Span = context.Span(a, b), Type = type, Command = command };
    }

    private OnbuildArguments ParseOnbuild(Context context, int a, int b)
    {
        if (a == b)
        {
            RequireOne(context, "ONBUILD", 0, a, b);
            return new OnbuildArguments { Span = context.Span(a, b), Instruction = null };
        }

        // BuildKit recurses into ONBUILD ONBUILD ... and rejects it afterwards; reading the nested keyword first keeps
        // a line of a million ONBUILDs from recursing a million times.
        int keywordEnd = a;
        while (keywordEnd < b && !Chars.IsTokenSeparator(context.Text[keywordEnd]))
        {
            keywordEnd++;
        }

        InstructionKind nestedKind = InstructionKinds.FromKeyword(context.Text.AsSpan(a, keywordEnd - a));
        InstructionHead head = nestedKind == InstructionKind.Onbuild
            ? RawHead(context, a, keywordEnd, b)
            : Parse(context.Logical, a, b);
        if (head.Kind is InstructionKind.Onbuild or InstructionKind.From or InstructionKind.Maintainer)
        {
            Report(context, DiagnosticSeverity.Error, DiagnosticIds.InvalidOnbuild, $"{head.Keyword.Value.ToUpperInvariant()} isn't allowed as an ONBUILD trigger", head.Keyword.Span);
        }

        TextSpan span = context.Span(a, b);
        var inner = new InstructionSyntax
        {
            Source = source,
            Span = span,
            FullSpan = span,
            StartLine = source.GetLineIndex(span.Start) + 1,
            EndLine = source.GetLineIndex(Math.Max(span.Start, span.End - 1)) + 1,
            Kind = head.Kind,
            Keyword = head.Keyword,
            Flags = head.Flags,
            Arguments = head.Arguments,
            Heredocs = [],
            Logical = context.Logical,
            FlagTerminator = head.FlagTerminator,
            IsNested = true,
        };
        return new OnbuildArguments { Span = span, Instruction = inner };
    }

    private static InstructionHead RawHead(Context context, int a, int keywordEnd, int b)
    {
        int argsStart = Chars.SkipSpaces(context.Text, keywordEnd, b);
        ArgumentsSyntax arguments = argsStart < b
            ? new RawArguments { Span = context.Span(argsStart, b), Raw = context.Token(SyntaxKind.Raw, argsStart, b) }
            : new EmptyArguments { Span = context.Span(argsStart, b) };
        return new InstructionHead(InstructionKind.Onbuild, context.Token(SyntaxKind.Keyword, a, keywordEnd), [], arguments);
    }

    private static ImmutableArray<SyntaxToken> WordTokens(Context context, List<LogicalWord> words)
    {
        var tokens = ImmutableArray.CreateBuilder<SyntaxToken>(words.Count);
        foreach (LogicalWord word in words)
        {
            tokens.Add(context.Token(SyntaxKind.Word, word.Start, word.End, word.Value));
        }

        return tokens.MoveToImmutable();
    }

    private static ImmutableArray<SyntaxToken> ElementTokens(Context context, List<LogicalWord> elements)
    {
        var tokens = ImmutableArray.CreateBuilder<SyntaxToken>(elements.Count);
        foreach (LogicalWord element in elements)
        {
            tokens.Add(context.Token(SyntaxKind.ExecElement, element.Start, element.End, element.Value));
        }

        return tokens.MoveToImmutable();
    }

    private static WordArguments Words(Context context, List<LogicalWord> words, int a, int b, InstructionForm form) => new()
    {
        Span = context.Span(a, b),
        Words = WordTokens(context, words),
        WordForm = words.Count == 0 ? InstructionForm.None : form,
    };

    private void RequireOne(Context context, string upper, int count, int a, int b)
    {
        if (count == 0)
        {
            Report(context, DiagnosticSeverity.Error, DiagnosticIds.MissingArguments, $"{upper} requires at least one argument", a, b);
        }
    }

    private void Report(Context context, DiagnosticSeverity severity, string id, string message, int a, int b) =>
        Report(context, severity, id, message, context.Span(a, b));

    private void Report(Context context, DiagnosticSeverity severity, string id, string message, TextSpan span) =>
        diagnostics.Add(Diagnostic.Create(context.Source, severity, id, message, span));

    /// <summary>The logical line being parsed and the source its offsets map into.</summary>
    private static readonly string[] KnownKeywords =
    [
        "RUN", "COPY", "ENV", "FROM", "ARG", "WORKDIR", "LABEL", "EXPOSE", "CMD", "ENTRYPOINT", "USER", "ADD", "VOLUME",
        "SHELL", "HEALTHCHECK", "ONBUILD", "STOPSIGNAL", "MAINTAINER",
    ];

    // A struct: one per instruction, and a file of 100,000 instructions allocated one object each for it (issue 14).
    private readonly struct Context(LogicalLine logical, SourceText source)
    {
        public LogicalLine Logical => logical;

        public SourceText Source => source;

        public string Text => logical.Text;

        public TextSpan Span(int a, int b) => logical.ToSourceSpan(a, b);

        /// <summary>
        /// The keyword token. A keyword written as the reference writes it (<c>RUN</c>, no continuation inside) shares one
        /// string for its text and value across the file: each instruction used to cut two copies of it.
        /// </summary>
        public SyntaxToken Keyword(int a, int b)
        {
            TextSpan span = logical.ToSourceSpan(a, b);
            if (span.Length == b - a)
            {
                ReadOnlySpan<char> written = logical.Text.AsSpan(a, b - a);
                foreach (string known in KnownKeywords)
                {
                    if (written.SequenceEqual(known))
                    {
                        return new SyntaxToken(SyntaxKind.Keyword, span, known, known);
                    }
                }
            }

            return Token(SyntaxKind.Keyword, a, b);
        }

        public SyntaxToken Token(SyntaxKind kind, int a, int b, string? value = null)
        {
            TextSpan span = logical.ToSourceSpan(a, b);
            string text = source.ToString(span);
            if (value is null)
            {
                // Most tokens have no continuation inside: then text and value are the same string.
                ReadOnlySpan<char> logicalValue = logical.Text.AsSpan(a, b - a);
                value = logicalValue.SequenceEqual(text) ? text : logicalValue.ToString();
            }
            else if (value == text)
            {
                value = text;
            }

            return new SyntaxToken(kind, span, text, value);
        }
    }
}