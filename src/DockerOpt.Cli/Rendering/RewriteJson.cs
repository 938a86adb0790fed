using System.Text.Json;

using DockerOpt.Core.Passes;
using DockerOpt.Core.Rewriting;

namespace DockerOpt.Cli.Rendering;

/// <summary>
/// The machine-readable rewrite: the rewritten text, the edits (line ranges of the original replaced by new text,
/// line endings included), every pass's findings, and the proposed files beside the Dockerfile.
/// </summary>
public static class RewriteJson
{
    public static void Write(Utf8JsonWriter writer, RewriteResult result, string displayPath, IReadOnlyList<GeneratedFile> proposedFiles)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(proposedFiles);
        writer.WriteStartObject();
        writer.WriteString("path", displayPath);
        writer.WriteBoolean("changed", !string.Equals(result.OriginalText, result.RewrittenText, StringComparison.Ordinal) || proposedFiles.Count > 0);
        writer.WriteString("rewritten", result.RewrittenText);
        WriteEdits(writer, result.OriginalText, result.RewrittenText);
        TreatedAsJson.Write(writer, result);
        writer.WriteStartArray("passes");
        if (!result.FileFindings.IsEmpty)
        {
            writer.WriteStartObject();
            writer.WriteString("id", RewriteResult.FileFindingId);
            writer.WriteBoolean("changed", false);
            WriteFindings(writer, result.FileFindings);
            writer.WriteEndObject();
        }

        foreach (var pass in result.Passes)
        {
            writer.WriteStartObject();
            writer.WriteString("id", pass.Info.Id);
            writer.WriteBoolean("changed", pass.Changed);
            WriteFindings(writer, pass.Findings);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("files");
        foreach (var file in proposedFiles)
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

    private static void WriteFindings(Utf8JsonWriter writer, IEnumerable<Finding> findings)
    {
        writer.WriteStartArray("findings");
        foreach (var finding in findings)
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
    }

    // Each edit replaces original lines [startLine, startLine + lineCount) with newText; lineCount 0 inserts before startLine.
    private static void WriteEdits(Utf8JsonWriter writer, string oldText, string newText)
    {
        writer.WriteStartArray("edits");
        var diff = LineDiff.LinesWithEndings(oldText, newText);
        foreach (var block in diff.DiffBlocks)
        {
            writer.WriteStartObject();
            writer.WriteNumber("startLine", block.DeleteStartA + 1);
            writer.WriteNumber("lineCount", block.DeleteCountA);
            writer.WriteString("oldText", string.Concat(diff.PiecesOld.Skip(block.DeleteStartA).Take(block.DeleteCountA)));
            writer.WriteString("newText", string.Concat(diff.PiecesNew.Skip(block.InsertStartB).Take(block.InsertCountB)));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}