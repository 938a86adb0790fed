using System.Text.Json;

using DockerOpt.Cli.Lint;

namespace DockerOpt.Cli.Rendering;

/// <summary>
/// Lint diagnostics as one JSON document: <c>{"version": 1, "files": [...], "treatedAs": [{"file", "role", "description",
/// "evidence", ...}], "diagnostics": [{"file", "line",
/// "column", "severity", "rule", "hadolint": [...], "message", "changesBehaviour", "explain"}]}</c>.
/// </summary>
public static class LintJson
{
    public static void Write(Utf8JsonWriter writer, IReadOnlyList<string> files, IReadOnlyList<LintDiagnostic> diagnostics, IReadOnlyList<LintedFile>? treated = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(diagnostics);
        writer.WriteStartObject();
        writer.WriteNumber("version", 1);
        writer.WriteStringArray("files", files);
        writer.WriteStartArray("treatedAs");
        foreach (var file in treated ?? [])
        {
            writer.WriteStartObject();
            writer.WriteString("file", file.Path);
            TreatedAsJson.WriteBody(writer, file.Result);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("diagnostics");
        foreach (var d in diagnostics)
        {
            writer.WriteStartObject();
            writer.WriteString("file", d.Path);
            writer.WriteNumber("line", d.Line);
            writer.WriteNumber("column", d.Column);
            writer.WriteString("severity", d.SeverityText);
            writer.WriteString("rule", d.RuleId);
            writer.WriteStringArray("hadolint", d.HadolintIds);
            writer.WriteString("message", d.Message);
            writer.WriteBoolean("changesBehaviour", d.ChangesBehaviour);
            writer.WriteString("explain", d.ExplainCommand);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}