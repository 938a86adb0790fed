using DockerOpt.Syntax;

namespace DockerOpt.Transforms.DockerIgnore;

/// <summary>
/// A path the build reads from the context: a COPY/ADD source (without <c>--from</c>) or the source of a
/// <c>RUN --mount=type=bind</c>, cleaned and relative to the context root. <see cref="Path"/> is null when it uses
/// a variable dockeropt could not resolve.
/// </summary>
public sealed record ContextSource(string? Path, string Written, InstructionSyntax Instruction)
{
    /// <summary>The source has wildcards (<c>*</c>, <c>?</c>, <c>[</c>) that COPY expands against the context.</summary>
    public bool IsGlob => Path is not null && Path.IndexOfAny(['*', '?', '[']) >= 0;
}