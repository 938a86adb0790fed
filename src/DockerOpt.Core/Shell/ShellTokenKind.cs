namespace DockerOpt.Core.Shell;

internal enum ShellTokenKind
{
    End,
    Word,
    Operator,
    Newline,
}

internal readonly record struct ShellToken(ShellTokenKind Kind, int Start, int End, bool Unterminated = false)
{
    public int Length => End - Start;
}