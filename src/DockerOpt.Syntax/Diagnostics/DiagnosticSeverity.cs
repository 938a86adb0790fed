namespace DockerOpt.Syntax;

/// <summary>How bad a <see cref="Diagnostic"/> is. <see cref="Error"/> means BuildKit would refuse the file.</summary>
public enum DiagnosticSeverity
{
    Info,
    Warning,
    Error,
}