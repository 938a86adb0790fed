using System.Text.Json;

using DockerOpt.Engine.Verification;

namespace DockerOpt.Cli.Rendering;

/// <summary>
/// The JSON form of <c>dockeropt verify</c> (sizes in bytes, times in seconds). <c>engineSizeBytes</c> is the size the
/// engine reports (<c>docker images</c>), <c>pullSizeBytes</c> the gzip-compressed layers; each build time has its
/// median, range and samples, and <c>changes</c> says by how much the rewrite differs and whether a time's change is
/// within noise.
/// </summary>
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

        if (report.Rewrite is { } after)
        {
            WriteChanges(writer, report.Original, after);
        }
        else
        {
            writer.WriteNull("changes");
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
        writer.WriteNumber("engineSizeBytes", measurement.EngineSize);
        writer.WriteNumber("pullSizeBytes", measurement.PullSize);
        writer.WriteNumber("layers", measurement.LayerCount);
        writer.WriteNumber("wastedBytes", measurement.WastedBytes);
        writer.WriteNumber("efficiency", Math.Round(measurement.Efficiency, 6));
        WriteTimes(writer, "coldBuild", measurement.ColdBuild);
        WriteTimes(writer, "warmRebuild", measurement.WarmRebuild);

        writer.WritePropertyName("config");
        EngineInspectJson.WriteConfig(writer, measurement.Config);
        writer.WriteEndObject();
    }

    private static void WriteTimes(Utf8JsonWriter writer, string name, BuildTimes? times)
    {
        if (times is null)
        {
            writer.WriteNull(name);
            return;
        }

        writer.WriteStartObject(name);
        writer.WriteNumber("medianSeconds", Seconds(times.Median));
        writer.WriteNumber("minSeconds", Seconds(times.Min));
        writer.WriteNumber("maxSeconds", Seconds(times.Max));
        writer.WriteStartArray("samplesSeconds");
        foreach (var sample in times.Samples)
        {
            writer.WriteNumberValue(Seconds(sample));
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteChanges(Utf8JsonWriter writer, ImageMeasurement original, ImageMeasurement rewrite)
    {
        writer.WriteStartObject("changes");
        WritePercent(writer, "engineSizePercent", original.EngineSize, rewrite.EngineSize);
        WritePercent(writer, "pullSizePercent", original.PullSize, rewrite.PullSize);
        WriteTimeChange(writer, "coldBuild", original.ColdBuild, rewrite.ColdBuild);
        WriteTimeChange(writer, "warmRebuild", original.WarmRebuild, rewrite.WarmRebuild);
        writer.WriteEndObject();
    }

    private static void WriteTimeChange(Utf8JsonWriter writer, string name, BuildTimes? original, BuildTimes? rewrite)
    {
        if (original is null || rewrite is null)
        {
            writer.WriteNull(name + "Percent");
            writer.WriteNull(name + "WithinNoise");
            return;
        }

        WritePercent(writer, name + "Percent", original.Median.Ticks, rewrite.Median.Ticks);
        writer.WriteBoolean(name + "WithinNoise", original.IsWithinNoiseOf(rewrite));
    }

    private static void WritePercent(Utf8JsonWriter writer, string name, long before, long after)
    {
        if (before == 0)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteNumber(name, Math.Round((after - before) * 100.0 / before, 2));
        }
    }

    private static double Seconds(TimeSpan value) => Math.Round(value.TotalSeconds, 2);
}