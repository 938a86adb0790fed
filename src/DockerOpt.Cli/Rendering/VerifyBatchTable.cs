using System.Collections.Immutable;
using System.Globalization;

using DockerOpt.Cli.Verification;
using DockerOpt.Engine.Budget;

using Spectre.Console;

namespace DockerOpt.Cli.Rendering;

/// <summary>
/// The closing table of <c>dockeropt verify DIR...</c>: one row per Dockerfile (verdict, engine size before and after,
/// the change, the checks, the time it took), the reason under each one that did not pass, and one summary line.
/// </summary>
public static class VerifyBatchTable
{
    public static void Render(IAnsiConsole console, ImmutableArray<VerifyOutcome> outcomes, TimeSpan wallTime, int jobs, string engine)
    {
        ArgumentNullException.ThrowIfNull(console);
        var table = new Table().Title("verify").AddColumns("Dockerfile", "verdict", $"size ({Markup.Escape(engine)} images)", "change", "checks", "time");
        table.Columns[2].RightAligned();
        table.Columns[3].RightAligned();
        table.Columns[5].RightAligned();
        foreach (var outcome in outcomes)
        {
            var report = outcome.Report;
            var size = report is null ? "" : report.Rewrite is { } rewrite
                ? $"{ByteSize.Format(report.Original.EngineSize)} -> {ByteSize.Format(rewrite.EngineSize)}"
                : ByteSize.Format(report.Original.EngineSize) + " -> -";
            var change = report?.Rewrite is { } after ? EngineVerifyReport.Percent(report.Original.EngineSize, after.EngineSize) : "";
            var checks = report is null ? "" : report.Checks.IsEmpty ? "none" : string.Join(", ", report.Checks.Select(static check => (check.Passed ? "pass " : "FAIL ") + check.Name));
            table.AddRow(Markup.Escape(outcome.DisplayPath), VerdictMarkup(outcome.Verdict), size, change, Markup.Escape(checks), outcome.Duration > TimeSpan.Zero ? Seconds(outcome.Duration) : "");
        }

        console.Write(table);
        foreach (var outcome in outcomes.Where(static outcome => outcome.Verdict is not (VerifyVerdict.Passed or VerifyVerdict.NothingToVerify) && outcome.Message is not null))
        {
            console.MarkupLine($"{VerdictMarkup(outcome.Verdict)} {Markup.Escape(outcome.DisplayPath)}: {Markup.Escape(outcome.Message!)}");
        }

        console.MarkupLine(Markup.Escape(Summary(outcomes, wallTime, jobs)));
    }

    /// <summary><c>verify: 3 Dockerfiles in 4:12 with --jobs 2: 2 passed, 1 failed</c> (only the verdicts that occurred).</summary>
    public static string Summary(ImmutableArray<VerifyOutcome> outcomes, TimeSpan wallTime, int jobs)
    {
        var counts = Enum.GetValues<VerifyVerdict>()
            .Select(verdict => (verdict, count: outcomes.Count(outcome => outcome.Verdict == verdict)))
            .Where(static pair => pair.count > 0)
            .Select(static pair => string.Create(CultureInfo.InvariantCulture, $"{pair.count} {VerdictWord(pair.verdict)}{(pair.verdict == VerifyVerdict.EngineFailure && pair.count > 1 ? "s" : "")}"));
        var noun = outcomes.Length == 1 ? "Dockerfile" : "Dockerfiles";
        return string.Create(CultureInfo.InvariantCulture, $"verify: {outcomes.Length} {noun} in {Seconds(wallTime)} with --jobs {jobs}: {string.Join(", ", counts)}");
    }

    public static string VerdictWord(VerifyVerdict verdict) => verdict switch
    {
        VerifyVerdict.Passed => "passed",
        VerifyVerdict.NothingToVerify => "nothing to verify",
        VerifyVerdict.Failed => "failed",
        VerifyVerdict.BadInput => "bad input",
        VerifyVerdict.EngineFailure => "engine failure",
        _ => "cancelled",
    };

    public static string VerdictMarkup(VerifyVerdict verdict) => verdict switch
    {
        VerifyVerdict.Passed => "[green]passed[/]",
        VerifyVerdict.NothingToVerify => "[dim]nothing to verify[/]",
        VerifyVerdict.Failed => "[red]FAILED[/]",
        VerifyVerdict.BadInput => "[yellow]bad input[/]",
        VerifyVerdict.EngineFailure => "[red]engine failure[/]",
        _ => "[yellow]cancelled[/]",
    };

    private static string Seconds(TimeSpan value) => value.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
}