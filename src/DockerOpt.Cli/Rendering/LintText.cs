using System.Globalization;
using System.Text;

using DockerOpt.Cli.Lint;

namespace DockerOpt.Cli.Rendering;

/// <summary>
/// Lint diagnostics for people and editors: one line each, <c>file:line:col: severity: rule (hadolint ids):
/// message [see: dockeropt explain rule]</c>, then a count.
/// </summary>
public static class LintText
{
    private const string Yellow = "\u001b[33m";
    private const string Red = "\u001b[31m";
    private const string Cyan = "\u001b[36m";
    private const string Dim = "\u001b[2m";
    private const string Reset = "\u001b[0m";

    public static string Render(IReadOnlyList<LintDiagnostic> diagnostics, int fileCount, bool colour, IReadOnlyList<LintedFile>? linted = null)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var builder = new StringBuilder();
        var notes = (linted ?? []).Where(f => f.Note is not null).ToDictionary(f => f.Path, f => f.Note!, StringComparer.Ordinal);

        // Each file's note comes before its diagnostics; files without any come first.
        foreach (var file in (linted ?? []).Where(f => f.Note is not null && !diagnostics.Any(d => d.Path == f.Path)))
        {
            builder.Append(CultureInfo.InvariantCulture, $"{file.Path}: {(colour ? Dim + file.Note + Reset : file.Note)}\n");
        }

        foreach (var d in diagnostics)
        {
            if (notes.Remove(d.Path, out var note))
            {
                builder.Append(CultureInfo.InvariantCulture, $"{d.Path}: {(colour ? Dim + note + Reset : note)}\n");
            }

            var severity = d.SeverityText;
            if (colour)
            {
                severity = (d.Severity switch { LintSeverity.Error => Red, LintSeverity.Warning => Yellow, _ => Cyan }) + severity + Reset;
            }

            var behaviour = d.ChangesBehaviour ? " (the fix changes behaviour)" : string.Empty;
            var explain = $"[see: {d.ExplainCommand}]";
            builder.Append(CultureInfo.InvariantCulture, $"{d.Path}:{d.Line}:{d.Column}: {severity}: {d.RuleLabel}: {d.Message}{behaviour} {(colour ? Dim + explain + Reset : explain)}\n");
        }

        var files = fileCount == 1 ? "1 file" : string.Create(CultureInfo.InvariantCulture, $"{fileCount} files");
        if (diagnostics.Count == 0)
        {
            builder.Append(CultureInfo.InvariantCulture, $"no problems in {files}\n");
            return builder.ToString();
        }

        var counts = Enum.GetValues<LintSeverity>().Reverse()
            .Select(s => (Severity: s, Count: diagnostics.Count(d => d.Severity == s)))
            .Where(c => c.Count > 0)
            .Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Count} {c.Severity.ToString().ToLowerInvariant()}{(c.Count == 1 || c.Severity == LintSeverity.Info ? string.Empty : "s")}"));
        builder.Append(CultureInfo.InvariantCulture, $"{string.Join(", ", counts)} in {files}; ids in parentheses are the hadolint rules of the same meaning\n");
        return builder.ToString();
    }
}