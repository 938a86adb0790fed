using System.Text;
using System.Text.Json;

using DockerOpt.Cli.Rendering;
using DockerOpt.Engine.Images;
using DockerOpt.Engine.Verification;

namespace DockerOpt.Cli.Tests.Verify;

/// <summary>
/// How a verification reads: the two sizes each named for what it is, times as medians with their range, and a
/// change smaller than the noise said to be so; the progress heartbeat in a CI log.
/// </summary>
public sealed class VerifyRenderingTests
{
    private static readonly ImageMeasurement Original = new(
        "dockeropt-verify-1:original", 90_300_000, 31_000_000, 6, 16_700_000, 0.987, Times(118.1), ImageConfig.Empty)
    {
        WarmRebuild = Times(2.4, 2.1, 2.9),
    };

    private static readonly ImageMeasurement Rewrite = new(
        "dockeropt-verify-1:rewrite", 5_200_000, 2_300_000, 3, 0, 1.0, Times(87.2), ImageConfig.Empty)
    {
        WarmRebuild = Times(2.7, 2.5, 3.0),
    };

    private static readonly VerifyReport Report = new(
        Original, Rewrite, null, [new CheckOutcome("HTTP probe", true, "answered 200", "answered 200", "both answered GET /healthz with 200")], [], "main.go", null, null, []);

    [Fact]
    public void The_table_names_the_engine_size_and_the_pull_size_and_marks_a_time_within_noise()
    {
        var text = new StringWriter { NewLine = "\n" };

        EngineVerifyReport.Render(EngineConsole.For(text, isTerminal: false), "Dockerfile", Report);

        var lines = text.ToString().Split('\n');
        Assert.Contains(lines, static line => Row(line) == "size (docker images)|90.3 MB|5.2 MB|-94.2%");
        Assert.Contains(lines, static line => Row(line) == "pull size (gzip layers)|31.0 MB|2.3 MB|-92.6%");
        Assert.Contains(lines, static line => Row(line) == "cold build|118.1 s|87.2 s|-26.2%");
        Assert.Contains(lines, static line => Row(line) == "warm rebuild (edit main.go), median of 3|2.4 s (2.1-2.9)|2.7 s (2.5-3.0)|+12.5% (within noise)");
        Assert.Contains("times: median of the runs (min-max); a change is \"within noise\" when the two ranges overlap", text.ToString(), StringComparison.Ordinal);
        Assert.Contains("verify: passed: the rewrite builds and passes the HTTP probe; size -94.2%, pull size -92.6%", text.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_change_beyond_the_spread_is_not_called_noise_and_single_runs_have_no_spread()
    {
        Assert.Equal("-50.0%", EngineVerifyReport.TimeChange(Times(4.0, 3.9, 4.2), Times(2.0, 1.9, 2.1)));
        Assert.Equal("+19.0%", EngineVerifyReport.TimeChange(Times(10.0), Times(11.9)));
        Assert.Equal("3.0 s", EngineVerifyReport.Times(Times(3.0)));
        Assert.Equal("3.0 s (2.0-9.0)", EngineVerifyReport.Times(Times(9.0, 2.0, 3.0)));
        Assert.Equal(TimeSpan.FromSeconds(2.5), Times(2.0, 3.0).Median);
    }

    [Fact]
    public void The_json_carries_both_sizes_and_every_time_with_its_median_range_and_noise_verdict()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            EngineVerifyJson.Write(writer, "Dockerfile", Report);
        }

        using var json = JsonDocument.Parse(Encoding.UTF8.GetString(stream.ToArray()));
        var original = json.RootElement.GetProperty("original");
        Assert.Equal(90_300_000, original.GetProperty("engineSizeBytes").GetInt64());
        Assert.Equal(31_000_000, original.GetProperty("pullSizeBytes").GetInt64());
        Assert.Equal(2.4, original.GetProperty("warmRebuild").GetProperty("medianSeconds").GetDouble());
        Assert.Equal(2.1, original.GetProperty("warmRebuild").GetProperty("minSeconds").GetDouble());
        Assert.Equal(2.9, original.GetProperty("warmRebuild").GetProperty("maxSeconds").GetDouble());
        Assert.Equal([2.4, 2.1, 2.9], original.GetProperty("warmRebuild").GetProperty("samplesSeconds").EnumerateArray().Select(static value => value.GetDouble()));
        var changes = json.RootElement.GetProperty("changes");
        Assert.Equal(-94.24, changes.GetProperty("engineSizePercent").GetDouble());
        Assert.True(changes.GetProperty("warmRebuildWithinNoise").GetBoolean());
        Assert.False(changes.GetProperty("coldBuildWithinNoise").GetBoolean());
    }

    [Fact]
    public void A_CI_log_hears_of_each_activity_and_then_every_ten_seconds_which_steps_are_running()
    {
        var log = new StringWriter { NewLine = "\n" };
        var progress = EngineVerifyProgress.ForPlainText(log);

        progress.Report(new VerifyProgress("original", "warm rebuild 1 of 3", TimeSpan.FromSeconds(65)));
        progress.Report(new VerifyProgress("original", "warm rebuild 1 of 3", TimeSpan.FromSeconds(66))
        {
            RunningSteps = ["[build 4/5] RUN go build -o /server .", "[assets 2/2] RUN npm run build"],
        });
        progress.Tick(TimeSpan.FromSeconds(70));
        progress.Tick(TimeSpan.FromSeconds(75));
        progress.Report(new VerifyProgress("original", "warm rebuild 1 of 3", TimeSpan.FromSeconds(80)) { RunningSteps = ["[build 4/5] RUN go build -o /server ."] });
        progress.Tick(TimeSpan.FromSeconds(85));
        progress.Report(new VerifyProgress("rewrite", "measuring", TimeSpan.FromSeconds(90)));
        progress.Tick(TimeSpan.FromSeconds(101));

        Assert.Equal(
            "[1:05] original: warm rebuild 1 of 3\n"
            + "[1:15] original: warm rebuild 1 of 3, 10 s so far; running: [build 4/5] RUN go build -o /server . | [assets 2/2] RUN npm run build\n"
            + "[1:25] original: warm rebuild 1 of 3, 20 s so far; running: [build 4/5] RUN go build -o /server .\n"
            + "[1:30] rewrite: measuring\n"
            + "[1:41] rewrite: measuring, 11 s so far\n",
            log.ToString());
    }

    private static BuildTimes Times(params double[] seconds) => new([.. seconds.Select(TimeSpan.FromSeconds)]);

    /// <summary>A table row's cells without the borders and padding, joined by |.</summary>
    private static string Row(string line) =>
        string.Join('|', line.Split('│', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(static cell => cell.Length > 0));
}