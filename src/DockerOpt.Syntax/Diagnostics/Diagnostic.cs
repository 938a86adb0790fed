using System.Globalization;

namespace DockerOpt.Syntax;

/// <summary>
/// A problem found in a Dockerfile, located at a 1-based line and column. <see cref="Id"/> is a stable kebab-case
/// identifier (see <see cref="DiagnosticIds"/>); <see cref="ToString"/> gives <c>path:line:col: severity: message</c>.
/// </summary>
public sealed record Diagnostic(
    DiagnosticSeverity Severity,
    string Id,
    string Message,
    string Path,
    int Line,
    int Column,
    TextSpan Span)
{
    public static Diagnostic Create(SourceText source, DiagnosticSeverity severity, string id, string message, TextSpan span)
    {
        ArgumentNullException.ThrowIfNull(source);
        LinePosition position = source.GetLinePosition(span.Start);
        return new Diagnostic(severity, id, message, source.DisplayPath, position.Line, position.Column, span);
    }

    /// <summary>The severity as written in messages and JSON: <c>error</c>, <c>warning</c>, <c>info</c>.</summary>
    public string SeverityText => Severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Path}:{Line}:{Column}: {SeverityText}: {Message}");
}