using System.Collections.Immutable;

namespace DockerOpt.Core.Shell;

/// <summary><c>[!] cmd | cmd | ...</c>.</summary>
public sealed record ShellPipeline(ShellSpan Span, bool Negated, ImmutableArray<ShellCommandNode> Commands);