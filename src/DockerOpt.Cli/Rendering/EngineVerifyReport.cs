using System.Globalization;

using DockerOpt.Engine.Budget;
using DockerOpt.Engine.Verification;

using Spectre.Console;

namespace DockerOpt.Cli.Rendering;

/// <summary>
/// The text form of <c>dockeropt verify</c>: both images side by side, the checks, and the verdict. Sizes are the
/// engine's own figure (what <c>docker images</c> shows) and the pull size; times are medians with their range, and
/// a change smaller than the spread is called "within noise".
/// </summary>
public static class EngineVerifyReport
{
    public static void Render(IAnsiConsole console, string dockerfile, VerifyReport report, string engine = "docker")
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(report);
        var original = report.Original;
        var rewrite = report.Rewrite;
        var table = new Table().Title($"verify {Markup.Escape(dockerfile)}").AddColumns("", "original", "rewrite", "change");
        table.Columns[1].RightAligned();
        table.Columns[2].RightAligned();
        table.Columns[3].RightAligned();
        AddSize(table, $"size ({Markup.Escape(engine)} images)", original.EngineSize, rewrite?.EngineSize);
        AddSize(table, "pull size (gzip layers)", original.PullSize, rewrite?.PullSize);
        table.AddRow("layers", Count(original.LayerCount), rewrite is null ? "-" : Count(rewrite.LayerCount), rewrite is null ? "" : Delta(rewrite.LayerCount - original.LayerCount));
        AddSize(table, "wasted", original.WastedBytes, rewrite?.WastedBytes);
        table.AddRow("efficiency", Score(original.Efficiency), rewrite is null ? "-" : Score(rewrite.Efficiency), "");
        AddTime(table, "cold build", original.ColdBuild, rewrite?.ColdBuild);
        AddTime(table, report.WarmEditFile is null ? "warm rebuild" : $"warm rebuild (edit {Markup.Escape(report.WarmEditFile)})", original.WarmRebuild, rewrite?.WarmRebuild);
        if (new[] { original.ColdBuild, rewrite?.ColdBuild, original.WarmRebuild, rewrite?.WarmRebuild }.Any(static times => times?.HasSpread == true))
        {
            table.Caption("times: median of the runs (min-max); a change is \"within noise\" when the two ranges overlap");
        }
        console.Write(table);

        if (report.WarmRebuildNote is not null)
        {
            console.MarkupLine($"[dim]warm rebuild not measured: {Markup.Escape(report.WarmRebuildNote)}[/]");
        }

        if (rewrite is null)
        {
            console.MarkupLine($"[red]the rewrite does not build:[/] {Markup.Escape(report.RewriteBuildLog ?? "")}");
        }

        foreach (var check in report.Checks)
        {
            console.MarkupLine($"{(check.Passed ? "[green]pass[/]" : "[red]FAIL[/]")} {Markup.Escape(check.Name)}: {Markup.Escape(check.Reason)}");
        }

        foreach (var difference in report.ConfigDifferences)
        {
            console.MarkupLine($"[yellow]changed[/] {difference.Field}: {Markup.Escape(difference.Original)} -> {Markup.Escape(difference.Rewrite)}");
        }

        if (report.Bisect is { } bisect)
        {
            foreach (var attempt in bisect.Attempts)
            {
                console.MarkupLine($"bisect: without {Markup.Escape(attempt.PassId)}: {Markup.Escape(attempt.Detail)}");
            }

            console.MarkupLine(bisect.Culprit is { } culprit
                ? $"[bold]bisect: the pass that breaks it is {Markup.Escape(culprit)}[/] (run with --skip {Markup.Escape(culprit)})"
                : "bisect: no single pass is to blame (switching off any one of them does not fix it)");
        }

        foreach (var tag in report.KeptImages)
        {
            console.MarkupLine($"kept image {Markup.Escape(tag)}");
        }

        console.MarkupLine(Verdict(report));
    }

    /// <summary>One line: passed or failed, and by how much the rewrite is smaller.</summary>
    public static string Verdict(VerifyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Rewrite is not { } rewrite)
        {
            return "[red]verify: FAILED[/]: the rewrite does not build";
        }

        if (!report.Passed)
        {
            return "[red]verify: FAILED[/]: the rewrite builds but does not behave like the original";
        }

        var checks = report.Checks.IsEmpty ? "builds (no --smoke or --http check was given)" : "builds and passes " + string.Join(" and ", report.Checks.Select(static check => "the " + check.Name));
        return $"[green]verify: passed[/]: the rewrite {Markup.Escape(checks)}; size {Percent(report.Original.EngineSize, rewrite.EngineSize)}, pull size {Percent(report.Original.PullSize, rewrite.PullSize)}";
    }

    private static void AddSize(Table table, string label, long original, long? rewrite) =>
        table.AddRow(label, ByteSize.Format(original), rewrite is { } value ? ByteSize.Format(value) : "-", rewrite is { } after ? Percent(original, after) : "");

    private static void AddTime(Table table, string label, BuildTimes? original, BuildTimes? rewrite) =>
        table.AddRow(Runs(label, original, rewrite), Times(original), Times(rewrite), TimeChange(original, rewrite));

    /// <summary>The change of the medians, and whether it is within the noise of the runs.</summary>
    public static string TimeChange(BuildTimes? original, BuildTimes? rewrite)
    {
        if (original is null || rewrite is null)
        {
            return "";
        }

        var change = Percent(original.Median.Ticks, rewrite.Median.Ticks);
        return original.IsWithinNoiseOf(rewrite) ? change + " (within noise)" : change;
    }

    /// <summary><c>2.4 s</c> for one run, <c>2.4 s (2.1-2.9)</c> for several: the median and the range.</summary>
    public static string Times(BuildTimes? times) =>
        times switch
        {
            null => "-",
            { HasSpread: false } => Seconds(times.Median),
            _ => $"{Seconds(times.Median)} ({Number(times.Min)}-{Number(times.Max)})",
        };

    private static string Runs(string label, BuildTimes? original, BuildTimes? rewrite)
    {
        var runs = Math.Max(original?.Samples.Length ?? 0, rewrite?.Samples.Length ?? 0);
        return runs > 1 ? string.Create(CultureInfo.InvariantCulture, $"{label}, median of {runs}") : label;
    }

    public static string Percent(long before, long after) =>
        before == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $"{(after - before) * 100.0 / before:+0.0;-0.0;0.0}%");

    private static string Delta(int delta) => delta.ToString("+0;-0;0", CultureInfo.InvariantCulture);

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Score(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan value) => Number(value) + " s";

    private static string Number(TimeSpan value) => value.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
}