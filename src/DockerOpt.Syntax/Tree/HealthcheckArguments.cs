namespace DockerOpt.Syntax;

/// <summary><c>HEALTHCHECK [options] CMD command</c> or <c>HEALTHCHECK NONE</c>.</summary>
public sealed record HealthcheckArguments : ArgumentsSyntax
{
    /// <summary>The first word: <c>CMD</c> or <c>NONE</c> as written.</summary>
    public required SyntaxToken Type { get; init; }

    /// <summary>The command after <c>CMD</c>: shell form, exec form, or empty.</summary>
    public required ArgumentsSyntax Command { get; init; }

    public bool IsNone => Type.Value.Equals("none", StringComparison.OrdinalIgnoreCase);

    public override InstructionForm Form => Command.Form;

    public override IEnumerable<SyntaxToken> Tokens() => [Type, .. Command.Tokens()];
}