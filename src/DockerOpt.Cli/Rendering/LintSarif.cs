using System.Collections.Immutable;
using System.Text.Json;

using DockerOpt.Cli.Lint;
using DockerOpt.Core.Passes;

namespace DockerOpt.Cli.Rendering;

/// <summary>
/// Lint diagnostics as a SARIF 2.1.0 log (the format code-scanning UIs read): one run whose tool lists every pass
/// as a rule (title, summary, category and hadolint ids as tags, the explain command as help), and one result per
/// diagnostic with its file (a relative URI) and region.
/// </summary>
public static class LintSarif
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    public static void Write(Utf8JsonWriter writer, ImmutableArray<IRewritePass> passes, IReadOnlyList<LintDiagnostic> diagnostics, string toolVersion, IReadOnlyList<LintedFile>? files = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var ruleIndex = passes.Select((p, i) => (p.Info.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);

        writer.WriteStartObject();
        writer.WriteString("$schema", SchemaUri);
        writer.WriteString("version", "2.1.0");
        writer.WriteStartArray("runs");
        writer.WriteStartObject();

        writer.WriteStartObject("tool");
        writer.WriteStartObject("driver");
        writer.WriteString("name", "dockeropt");
        writer.WriteString("semanticVersion", toolVersion);
        writer.WriteStartArray("rules");
        foreach (var pass in passes)
        {
            WriteRule(writer, pass.Info);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();

        // Each file is an artifact whose properties say what it was treated as and why.
        writer.WriteStartArray("artifacts");
        foreach (var file in files ?? [])
        {
            writer.WriteStartObject();
            writer.WriteStartObject("location");
            writer.WriteString("uri", ToRelativeUri(file.Path));
            writer.WriteEndObject();
            writer.WriteStartObject("properties");
            writer.WriteStartObject("treatedAs");
            TreatedAsJson.WriteBody(writer, file.Result);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteString("columnKind", "utf16CodeUnits");
        writer.WriteStartArray("results");
        foreach (var d in diagnostics)
        {
            writer.WriteStartObject();
            writer.WriteString("ruleId", d.RuleId);
            if (ruleIndex.TryGetValue(d.RuleId, out var index))
            {
                writer.WriteNumber("ruleIndex", index);
            }

            writer.WriteString("level", d.Severity switch { LintSeverity.Error => "error", LintSeverity.Warning => "warning", _ => "note" });
            writer.WriteStartObject("message");
            writer.WriteString("text", d.Message);
            writer.WriteEndObject();
            writer.WriteStartArray("locations");
            writer.WriteStartObject();
            writer.WriteStartObject("physicalLocation");
            writer.WriteStartObject("artifactLocation");
            writer.WriteString("uri", ToRelativeUri(d.Path));
            writer.WriteEndObject();
            writer.WriteStartObject("region");
            writer.WriteNumber("startLine", Math.Max(1, d.Line));
            writer.WriteNumber("startColumn", Math.Max(1, d.Column));
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteStartObject("properties");
            writer.WriteBoolean("changesBehaviour", d.ChangesBehaviour);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteRule(Utf8JsonWriter writer, PassInfo info)
    {
        writer.WriteStartObject();
        writer.WriteString("id", info.Id);
        writer.WriteStartObject("shortDescription");
        writer.WriteString("text", info.Title);
        writer.WriteEndObject();
        writer.WriteStartObject("fullDescription");
        writer.WriteString("text", info.Summary);
        writer.WriteEndObject();
        writer.WriteStartObject("help");
        writer.WriteString("text", $"{info.Summary} Run 'dockeropt explain {info.Id}' for the exclusions and an example; switch it off with --skip {info.Id} or '# dockeropt ignore={info.Id}'.");
        writer.WriteEndObject();
        writer.WriteStartObject("defaultConfiguration");
        writer.WriteString("level", "warning");
        writer.WriteEndObject();
        writer.WriteStartObject("properties");
        writer.WriteStartArray("tags");
        writer.WriteStringValue(info.Category.ToString().ToLowerInvariant());
        foreach (var hadolint in info.HadolintIds.IsDefault ? [] : info.HadolintIds)
        {
            writer.WriteStringValue(hadolint);
        }

        writer.WriteEndArray();
        writer.WriteString("safety", info.Safety.ToString());
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    // A relative URI reference with '/' separators and each segment escaped (spaces, '#', '%').
    private static string ToRelativeUri(string path)
    {
        var segments = path.Replace('\\', '/').Split('/');
        var escaped = string.Join('/', segments.Select(Uri.EscapeDataString));
        return Path.IsPathRooted(path) ? "file://" + escaped : escaped;
    }
}