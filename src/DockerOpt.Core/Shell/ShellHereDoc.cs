namespace DockerOpt.Core.Shell;

/// <summary>
/// A here-document: its <c>&lt;&lt;DELIM</c> redirection and, when the text contains it, the body lines up to
/// and including the closing delimiter line. <see cref="Body"/> is null when the body is not part of the text
/// (the Dockerfile parser keeps RUN heredoc bodies apart).
/// </summary>
public sealed record ShellHereDoc(ShellRedirection Redirection, string Delimiter, bool StripTabs, bool Expands, ShellSpan? Body);