namespace DockerOpt.Syntax;

/// <summary>
/// The instruction inside <c>ONBUILD</c>. Its spans point into the same source; its <see cref="SyntaxConstruct.FullSpan"/>
/// equals its <see cref="SyntaxConstruct.Span"/> (the outer instruction owns the trivia).
/// </summary>
public sealed record OnbuildArguments : ArgumentsSyntax
{
    public required InstructionSyntax? Instruction { get; init; }

    public override InstructionForm Form => Instruction?.Form ?? InstructionForm.None;

    public override IEnumerable<SyntaxToken> Tokens() => Instruction?.Tokens() ?? [];
}
