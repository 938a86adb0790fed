using System.Text.Json;

using DockerOpt.Engine.Verification;

namespace DockerOpt.Cli.Rendering;

/// <summary>The JSON form of <c>dockeropt verify</c> (sizes in bytes, times in seconds).</summary>
public static class EngineVerifyJson
{
    public static void Write(Utf8JsonWriter writer, string dockerfile, VerifyReport report)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        writer.WriteStartObject();
        writer.WriteString("dockerfile", dockerfile);
        writer.WriteBoolean("passed", report.Passed);
        writer.WritePropertyName("original");
        WriteMeasurement(writer, report.Original);
        writer.WritePropertyName("rewrite");
        if (report.Rewrite is { } rewrite)
        {
            WriteMeasurement(writer, rewrite);
        }
        else
        {
            writer.WriteNullValue();
        }

        writer.WriteString("rewriteBuildLog", report.RewriteBuildLog);
        writer.WriteString("warmEditFile", report.WarmEditFile);
        writer.WriteString("warmRebuildNote", report.WarmRebuildNote);
        writer.WriteStartArray("checks");
        foreach (var check in report.Checks)
        {
            writer.WriteStartObject();
            writer.WriteString("name", check.Name);
            writer.WriteBoolean("passed", check.Passed);
            writer.WriteString("original", check.Original);
            writer.WriteString("rewrite", check.Rewrite);
            writer.WriteString("reason", check.Reason);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("configDifferences");
        foreach (var difference in report.ConfigDifferences)
        {
            writer.WriteStartObject();
            writer.WriteString("field", difference.Field);
            writer.WriteString("original", difference.Original);
            writer.WriteString("rewrite", difference.Rewrite);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (report.Bisect is { } bisect)
        {
            writer.WriteStartObject("bisect");
            writer.WriteString("culprit", bisect.Culprit);
            writer.WriteStartArray("attempts");
            foreach (var attempt in bisect.Attempts)
            {
                writer.WriteStartObject();
                writer.WriteString("passId", attempt.PassId);
                writer.WriteBoolean("fixed", attempt.Fixed);
                writer.WriteString("detail", attempt.Detail);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteStringArray("keptImages", report.KeptImages);
        writer.WriteEndObject();
    }

    private static void WriteMeasurement(Utf8JsonWriter writer, ImageMeasurement measurement)
    {
        writer.WriteStartObject();
        writer.WriteString("tag", measurement.Tag);
        writer.WriteNumber("uncompressedSize", measurement.UncompressedSize);
        writer.WriteNumber("compressedSize", measurement.CompressedSize);
        writer.WriteNumber("layers", measurement.LayerCount);
        writer.WriteNumber("wastedBytes", measurement.WastedBytes);
        writer.WriteNumber("efficiency", Math.Round(measurement.Efficiency, 6));
        writer.WriteNumber("coldBuildSeconds", Math.Round(measurement.ColdBuild.TotalSeconds, 2));
        if (measurement.WarmRebuild is { } warm)
        {
            writer.WriteNumber("warmRebuildSeconds", Math.Round(warm.TotalSeconds, 2));
        }
        else
        {
            writer.WriteNull("warmRebuildSeconds");
        }

        writer.WritePropertyName("config");
        EngineInspectJson.WriteConfig(writer, measurement.Config);
        writer.WriteEndObject();
    }
}