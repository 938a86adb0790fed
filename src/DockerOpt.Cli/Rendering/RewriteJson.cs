using System.Text.Json;

using DockerOpt.Core.Rewriting;

namespace DockerOpt.Cli.Rendering;

/// <summary>The machine-readable rewrite: rewritten text, per-pass findings and proposed files.</summary>
public static class RewriteJson
{
    public static void Write(Utf8JsonWriter writer, RewriteResult result, string displayPath)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        writer.WriteStartObject();
        writer.WriteString("path", displayPath);
        writer.WriteBoolean("changed", result.HasChanges);
        writer.WriteString("rewritten", result.RewrittenText);
        writer.WriteStartArray("passes");
        foreach (var pass in result.Passes)
        {
            writer.WriteStartObject();
            writer.WriteString("id", pass.Info.Id);
            writer.WriteBoolean("changed", pass.Changed);
            writer.WriteStartArray("findings");
            foreach (var finding in pass.Findings)
            {
                writer.WriteStartObject();
                writer.WriteString("kind", finding.Kind.ToString().ToLowerInvariant());
                writer.WriteNumber("line", finding.Line);
                writer.WriteNumber("column", finding.Column);
                writer.WriteString("message", finding.Message);
                writer.WriteBoolean("changesBehaviour", finding.ChangesBehaviour);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("files");
        foreach (var file in result.Files)
        {
            writer.WriteStartObject();
            writer.WriteString("path", file.RelativePath);
            writer.WriteString("content", file.Content);
            if (file.OriginalContent is null)
            {
                writer.WriteNull("originalContent");
            }
            else
            {
                writer.WriteString("originalContent", file.OriginalContent);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}