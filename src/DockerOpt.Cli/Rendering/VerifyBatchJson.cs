using System.Collections.Immutable;
using System.Text.Json;

using DockerOpt.Cli.Verification;

namespace DockerOpt.Cli.Rendering;

/// <summary>
/// <c>dockeropt verify DIR... --format json</c>: a summary (counts per verdict, the exit code, the wall time) and one
/// result per Dockerfile with its verdict and, when the verification ran to its end, the report of a single
/// <c>verify --format json</c> (<see cref="EngineVerifyJson"/>).
/// </summary>
public static class VerifyBatchJson
{
    public static void Write(Utf8JsonWriter writer, ImmutableArray<VerifyOutcome> outcomes, TimeSpan wallTime, int jobs)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteStartObject("summary");
        writer.WriteNumber("dockerfiles", outcomes.Length);
        foreach (var verdict in Enum.GetValues<VerifyVerdict>())
        {
            writer.WriteNumber(Name(verdict), outcomes.Count(outcome => outcome.Verdict == verdict));
        }

        writer.WriteNumber("exitCode", VerifyOutcome.Summarise(outcomes));
        writer.WriteNumber("jobs", jobs);
        writer.WriteNumber("wallSeconds", Math.Round(wallTime.TotalSeconds, 3));
        writer.WriteEndObject();
        writer.WriteStartArray("results");
        foreach (var outcome in outcomes)
        {
            writer.WriteStartObject();
            writer.WriteString("dockerfile", outcome.DisplayPath);
            writer.WriteString("verdict", Name(outcome.Verdict));
            writer.WriteNumber("exitCode", outcome.ExitCode);
            writer.WriteNumber("seconds", Math.Round(outcome.Duration.TotalSeconds, 3));
            writer.WriteString("message", outcome.Message);
            writer.WritePropertyName("report");
            if (outcome.Report is { } report)
            {
                EngineVerifyJson.Write(writer, outcome.DisplayPath, report);
            }
            else
            {
                writer.WriteNullValue();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>The verdict's name in JSON: <c>passed</c>, <c>nothingToVerify</c>, <c>failed</c>, <c>badInput</c>, <c>engineFailure</c>, <c>cancelled</c>.</summary>
    public static string Name(VerifyVerdict verdict) => JsonNamingPolicy.CamelCase.ConvertName(verdict.ToString());
}