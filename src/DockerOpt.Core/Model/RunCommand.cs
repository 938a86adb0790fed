using DockerOpt.Core.Shell;
using DockerOpt.Core.Shell.Commands;
using DockerOpt.Syntax;

namespace DockerOpt.Core.Model;

/// <summary>
/// A shell-form RUN without heredocs, with its command parsed and the commands <see cref="CommandRecognizer"/> finds in
/// it. Offsets of the parsed script are offsets into the logical command (continuations removed);
/// <see cref="SourceSpan"/> maps them back onto the Dockerfile. The passes get it from
/// <see cref="DockerfileModel.RunOf"/>, which reads each RUN once per text: every pass asks about every RUN, and a
/// parse and recognition of their own per pass cost a large file gigabytes (issue 14, fuzz seed 14 input 6577).
/// </summary>
public sealed class RunCommand
{
    // The script and its recognized commands, shared with every RUN of the rewrite that has the same command text.
    private readonly ShellScripts.ParsedScript parsed;

    private RunCommand(InstructionSyntax instruction, ShellFormArguments arguments, ShellScripts.ParsedScript parsed, int commandEnd)
    {
        Instruction = instruction;
        Arguments = arguments;
        this.parsed = parsed;
        CommandEnd = commandEnd;
    }

    public InstructionSyntax Instruction { get; }

    public ShellFormArguments Arguments { get; }

    public ShellScript Script => parsed.Script;

    /// <summary>The source offset just past the last non-blank char of the command.</summary>
    public int CommandEnd { get; }

    /// <summary>
    /// The source offset just past the last command, before a trailing <c>;</c>: where more commands are chained
    /// (after <c>a;</c> an appended <c>&amp;&amp; b</c> would be a syntax error).
    /// </summary>
    public int ContentEnd => Script.Root.Items.IsEmpty ? CommandEnd : Math.Min(CommandEnd, SourceEnd(Script.Root.Span.End));

    /// <summary>The source offset of the first char of the command.</summary>
    public int CommandStart => Arguments.ToSourceOffset(0);

    /// <summary>The flags as BuildKit reads them, order-insensitive, so two RUNs can be compared.</summary>
    public string FlagsKey => string.Join('\u0001', Instruction.Flags.Select(f => f.BuildKitText).Order(StringComparer.Ordinal));

    /// <summary>A <c>#</c> comment in the command would swallow anything appended after it on the logical line.</summary>
    public bool HasShellComment => Script.Pieces.Any(p => p.Kind == ShellPieceKind.Comment);

    /// <summary>Why the RUN cannot be read as a plain shell command (a verb phrase: "is in exec form"), or null.</summary>
    public static string? WhyNot(InstructionSyntax instruction)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        if (instruction.Kind != InstructionKind.Run)
        {
            return "is not a RUN";
        }

        if (!instruction.Heredocs.IsEmpty)
        {
            return "uses a heredoc";
        }

        return instruction.Arguments switch
        {
            ExecFormArguments => "is in exec form (no shell)",
            ShellFormArguments shell when shell.CommandText.Trim().Length == 0 => "has no command",
            ShellFormArguments => null,
            _ => "has no command",
        };
    }

    /// <summary>
    /// What <see cref="CommandRecognizer"/> reads in a simple command of this script, recognized once per RUN whichever
    /// pass asks (a command from elsewhere is recognized, not remembered).
    /// </summary>
    public RecognizedCommand? Recognized(ShellSimpleCommand command) => parsed.Recognized(command);

    /// <summary>The RUN read on its own, outside a model (a pass reads it with <see cref="DockerfileModel.RunOf"/>).</summary>
    public static RunCommand? TryRead(InstructionSyntax instruction) => TryRead(instruction, new ShellScripts());

    /// <summary>The RUN read with the scripts of its rewrite, parsing its command only when no earlier text had it.</summary>
    public static RunCommand? TryRead(InstructionSyntax instruction, ShellScripts scripts)
    {
        ArgumentNullException.ThrowIfNull(scripts);
        if (WhyNot(instruction) is not null)
        {
            return null;
        }

        var arguments = (ShellFormArguments)instruction.Arguments;
        var text = arguments.CommandText;
        var last = text.Length - 1;
        while (last >= 0 && char.IsWhiteSpace(text[last]))
        {
            last--;
        }

        if (last < 0)
        {
            return null;
        }

        return new RunCommand(instruction, arguments, scripts.Of(text), arguments.ToSourceOffset(last) + 1);
    }

    /// <summary>The Dockerfile span of a span of the parsed command.</summary>
    public TextSpan SourceSpan(ShellSpan span) =>
        span.Length == 0 ? new TextSpan(Arguments.ToSourceOffset(span.Start), 0) : Arguments.ToSourceSpan(span.Start, span.Length);

    /// <summary>
    /// The source offset just past the char before <paramref name="logicalEnd"/>: the end of a word or command,
    /// before any continuation that follows it (so removing from here takes the continuation with it).
    /// </summary>
    public int SourceEnd(int logicalEnd) => logicalEnd == 0 ? Arguments.ToSourceOffset(0) : Arguments.ToSourceOffset(logicalEnd - 1) + 1;

    /// <summary>The logical text of a span of the parsed command (continuations removed).</summary>
    public string Slice(ShellSpan span) => Script.Slice(span);

    /// <summary>True when the instruction spans more than one physical line before any heredoc.</summary>
    public bool IsMultiLine => Instruction.EndLine > Instruction.StartLine;
}