using System.Collections.Immutable;

namespace DockerOpt.Syntax;

/// <summary>
/// Arguments BuildKit splits into words: whitespace-separated for ADD, COPY, VOLUME and EXPOSE; quote-aware with
/// quotes kept for ARG; a single word holding the whole rest of the line for USER, WORKDIR, MAINTAINER, STOPSIGNAL.
/// </summary>
public sealed record WordArguments : ArgumentsSyntax
{
    public required ImmutableArray<SyntaxToken> Words { get; init; }

    /// <summary>Shell for the ADD/COPY/VOLUME source lists, None otherwise.</summary>
    public required InstructionForm WordForm { get; init; }

    public override InstructionForm Form => WordForm;

    public override IEnumerable<SyntaxToken> Tokens() => Words;
}