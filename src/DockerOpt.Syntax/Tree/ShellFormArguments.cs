namespace DockerOpt.Syntax;

/// <summary>
/// A shell-form command (RUN, CMD, ENTRYPOINT, SHELL, HEALTHCHECK CMD). <see cref="Command"/>'s value is the string
/// BuildKit passes to the shell; <see cref="ToSourceOffset"/> maps an offset in that string back into the file.
/// </summary>
public sealed record ShellFormArguments : ArgumentsSyntax
{
    public required SyntaxToken Command { get; init; }

    /// <summary>The instruction's logical line and where <see cref="Command"/> starts in it.</summary>
    public required LogicalLine Logical { get; init; }

    public required int LogicalStart { get; init; }

    /// <summary>The logical command (continuations and embedded comment lines removed).</summary>
    public string CommandText => Command.Value;

    public override InstructionForm Form => InstructionForm.Shell;

    /// <summary>The source offset of the char at <paramref name="commandOffset"/> in <see cref="CommandText"/>.</summary>
    public int ToSourceOffset(int commandOffset) => Logical.ToSourceOffset(LogicalStart + commandOffset);

    /// <summary>The source span of a range of <see cref="CommandText"/> (continuations inside it included).</summary>
    public TextSpan ToSourceSpan(int commandStart, int length) =>
        Logical.ToSourceSpan(LogicalStart + commandStart, LogicalStart + commandStart + length);

    public override IEnumerable<SyntaxToken> Tokens() => [Command];
}