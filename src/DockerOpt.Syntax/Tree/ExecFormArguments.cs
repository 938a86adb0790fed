using System.Collections.Immutable;

namespace DockerOpt.Syntax;

/// <summary>A JSON array of strings (<c>["npm", "start"]</c>); each element's value is the decoded string.</summary>
public sealed record ExecFormArguments : ArgumentsSyntax
{
    public required ImmutableArray<SyntaxToken> Elements { get; init; }

    public ImmutableArray<string> Values => Elements.Select(e => e.Value).ToImmutableArray();

    public override InstructionForm Form => InstructionForm.Exec;

    public override IEnumerable<SyntaxToken> Tokens() => Elements;
}