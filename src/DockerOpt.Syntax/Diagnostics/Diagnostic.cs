using System.Globalization;

namespace DockerOpt.Syntax;

/// <summary>
/// A problem found in a Dockerfile, located at a 1-based line and column. <see cref="Id"/> is a stable kebab-case
/// identifier (see <see cref="DiagnosticIds"/>); <see cref="ToString"/> gives <c>path:line:col: severity: message</c>.
/// A problem with the file as a whole, not with any text in it (it is a FIFO), has line 0 and prints as
/// <c>path: message</c>.
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

    /// <summary>Line 0: about the file as a whole, which has no text to point at.</summary>
    public bool IsFileLevel => Line == 0;

    public override string ToString() => IsFileLevel
        ? $"{Path}: {Message}"
        : string.Create(CultureInfo.InvariantCulture, $"{Path}:{Line}:{Column}: {SeverityText}: {Message}");
}