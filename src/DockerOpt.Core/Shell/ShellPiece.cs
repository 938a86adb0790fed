namespace DockerOpt.Core.Shell;

/// <summary>
/// One lexical piece of a shell script. The pieces of a script cover its text exactly, in order, with no gap:
/// concatenating them gives back the input.
/// </summary>
public readonly record struct ShellPiece(ShellPieceKind Kind, ShellSpan Span);