using DockerOpt.Cli.CommandLine;
using DockerOpt.Syntax;

namespace DockerOpt.Cli.Input;

/// <summary>A Dockerfile read from disk: its exact bytes (to detect changes before writing) and its tree.</summary>
public sealed record LoadedDockerfile(string FullPath, string DisplayPath, byte[] Bytes, DockerfileSyntax Syntax)
{
    public string Text => Syntax.Source.Text;

    /// <summary>
    /// Reads and parses a Dockerfile. Anything that stops a rewrite (unreadable, not a regular file, binary, not UTF-8, a parse error)
    /// becomes a <see cref="UserInputException"/> listing every problem as <c>file:line:col: severity: message</c>.
    /// </summary>
    public static LoadedDockerfile Load(string fullPath, string displayPath)
    {
        if (DockerfileLoader.TryRead(fullPath, displayPath, out var bytes) is { } unreadable)
        {
            throw new UserInputException(unreadable.ToString());
        }

        var loaded = DockerfileLoader.Decode(bytes, displayPath);
        var errors = loaded.AllDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (loaded.Syntax is null || errors.Count > 0)
        {
            throw new UserInputException(string.Join('\n', errors.Select(d => (d with { Path = displayPath }).ToString())));
        }

        return new LoadedDockerfile(fullPath, displayPath, bytes, loaded.Syntax);
    }
}