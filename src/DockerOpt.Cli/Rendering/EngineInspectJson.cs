using System.Text.Json;

using DockerOpt.Engine.Analysis;
using DockerOpt.Engine.Images;

namespace DockerOpt.Cli.Rendering;

/// <summary>The JSON form of <c>dockeropt inspect</c> (sizes in bytes), written without reflection.</summary>
public static class EngineInspectJson
{
    public static void Write(Utf8JsonWriter writer, ImageAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(analysis);
        writer.WriteStartObject();
        writer.WriteString("image", analysis.Image);
        writer.WriteNumber("uncompressedSize", analysis.UncompressedSize);
        writer.WriteNumber("compressedSize", analysis.CompressedSize);
        writer.WriteNumber("wastedBytes", analysis.WastedBytes);
        writer.WriteNumber("efficiency", Math.Round(analysis.Efficiency.Score, 6));
        writer.WriteStartArray("layers");
        foreach (var layer in analysis.Layers)
        {
            writer.WriteStartObject();
            writer.WriteNumber("index", layer.Index);
            writer.WriteString("digest", layer.Digest);
            writer.WriteString("instruction", layer.Instruction);
            writer.WriteNumber("uncompressedSize", layer.UncompressedSize);
            writer.WriteNumber("compressedSize", layer.CompressedSize);
            writer.WriteNumber("contentSize", layer.ContentSize);
            writer.WriteNumber("entries", layer.EntryCount);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        WritePaths(writer, "largestDirectories", analysis.LargestDirectories);
        WritePaths(writer, "largestFiles", analysis.LargestFiles);
        writer.WriteStartArray("inefficiencies");
        foreach (var item in analysis.Efficiency.Inefficiencies)
        {
            writer.WriteStartObject();
            writer.WriteString("path", item.Path);
            writer.WriteNumber("bytes", item.CumulativeSize);
            writer.WriteStartArray("layers");
            foreach (var layer in item.Layers)
            {
                writer.WriteNumberValue(layer);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("findings");
        foreach (var finding in analysis.Findings)
        {
            writer.WriteStartObject();
            writer.WriteString("id", finding.Rule.Id);
            writer.WriteString("title", finding.Rule.Title);
            writer.WriteString("hint", finding.Rule.Hint);
            writer.WriteNumber("bytes", finding.Bytes);
            writer.WriteNumber("files", finding.FileCount);
            WritePaths(writer, "roots", finding.Roots);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WritePropertyName("config");
        WriteConfig(writer, analysis.Config);
        writer.WriteEndObject();
    }

    /// <summary>CMD, ENTRYPOINT, EXPOSE, USER, ENV and WORKDIR as an object (also used by verify's JSON).</summary>
    public static void WriteConfig(Utf8JsonWriter writer, ImageConfig config)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(config);
        writer.WriteStartObject();
        writer.WriteStringArray("cmd", config.Cmd);
        writer.WriteStringArray("entrypoint", config.Entrypoint);
        writer.WriteStringArray("exposedPorts", config.ExposedPorts);
        writer.WriteString("user", config.User);
        writer.WriteStringArray("env", config.Env);
        writer.WriteString("workingDir", config.WorkingDir);
        writer.WriteEndObject();
    }

    private static void WritePaths(Utf8JsonWriter writer, string name, IEnumerable<PathSize> paths)
    {
        writer.WriteStartArray(name);
        foreach (var path in paths)
        {
            writer.WriteStartObject();
            writer.WriteString("path", path.Path);
            writer.WriteNumber("size", path.Size);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}