namespace DockerOpt.Syntax;

/// <summary>
/// The instruction inside <c>ONBUILD</c>. Its spans point into the same source; its <see cref="SyntaxConstruct.FullSpan"/>
/// equals its <see cref="SyntaxConstruct.Span"/> (the outer instruction owns the trivia). The ONBUILD itself has form
/// None; the nested instruction has its own form.
/// </summary>
public sealed record OnbuildArguments : ArgumentsSyntax
{
    public required InstructionSyntax? Instruction { get; init; }

    public override IEnumerable<SyntaxToken> Tokens() => Instruction?.Tokens() ?? [];
}