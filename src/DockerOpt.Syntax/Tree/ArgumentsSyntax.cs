namespace DockerOpt.Syntax;

/// <summary>
/// The typed arguments of an instruction. <see cref="Span"/> covers them in the source (continuations inside
/// included); the derived records say how BuildKit splits them.
/// </summary>
public abstract record ArgumentsSyntax
{
    public required TextSpan Span { get; init; }

    public virtual InstructionForm Form => InstructionForm.None;

    public abstract IEnumerable<SyntaxToken> Tokens();
}

/// <summary>No arguments at all (<c>RUN</c> alone, or a continuation at end of file).</summary>
public sealed record EmptyArguments : ArgumentsSyntax
{
    public override IEnumerable<SyntaxToken> Tokens() => [];
}