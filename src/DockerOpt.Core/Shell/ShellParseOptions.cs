namespace DockerOpt.Core.Shell;

/// <summary>
/// How to read the text given to <see cref="ShellParser"/>.
/// </summary>
/// <param name="DockerfileEscape">
/// Set when the text is the raw source of a RUN instruction (continuations still in it), so spans map straight
/// onto the Dockerfile: the escape character followed by optional spaces and a newline is a line continuation,
/// and blank or comment lines inside a continuation are dropped, as BuildKit does before the shell sees the command.
/// Null when the text is the command BuildKit hands to the shell.
/// </param>
public sealed record ShellParseOptions(char? DockerfileEscape = null)
{
    public static ShellParseOptions Default { get; } = new();

    /// <summary>Options to parse the raw text of a RUN instruction written with <paramref name="escape"/>.</summary>
    public static ShellParseOptions ForDockerfileSource(char escape) => new(escape);
}