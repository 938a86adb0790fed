using System.Diagnostics;
using System.Globalization;

using DockerOpt.Cli.Verification;
using DockerOpt.Engine.Verification;

using Spectre.Console;

namespace DockerOpt.Cli.Rendering;

/// <summary>
/// The live summary of <c>dockeropt verify DIR...</c> on standard error. On a terminal a table (Spectre.Console) with a
/// row per Dockerfile (waiting, what it does now and for how long, or its verdict) redrawn every second; in a CI log a
/// line when a Dockerfile starts, changes phase or ends, and every <see cref="EngineVerifyProgress.PlainHeartbeat"/> a
/// line naming what runs, so a log never looks stuck.
/// </summary>
public sealed class VerifyBatchProgress : IVerifyBatchObserver
{
    private readonly TextWriter _plain;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Row> _rows;
    private readonly IReadOnlyList<string> _order;
    private TimeSpan _lastPlainLine;
    private bool _live;

    private VerifyBatchProgress(TextWriter plain, IReadOnlyList<string> displayPaths)
    {
        _plain = plain;
        _order = displayPaths;
        _rows = displayPaths.Distinct(StringComparer.Ordinal).ToDictionary(static path => path, static _ => new Row(), StringComparer.Ordinal);
    }

    /// <summary>Progress as plain lines on <paramref name="writer"/> (CI logs, tests); <see cref="Tick"/> drives the heartbeat.</summary>
    public static VerifyBatchProgress ForPlainText(TextWriter writer, IReadOnlyList<string> displayPaths)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(displayPaths);
        return new VerifyBatchProgress(writer, displayPaths);
    }

    /// <summary>Runs <paramref name="work"/> while showing the summary: live on a terminal, plain lines elsewhere.</summary>
    public static async Task<T> RunAsync<T>(TextWriter error, bool isTerminal, IReadOnlyList<string> displayPaths, Func<IVerifyBatchObserver, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var progress = ForPlainText(error, displayPaths);
        Task<T> WorkWithHeartbeatAsync(Action? redraw) => Heartbeat.RunAsync(() => work(progress), () =>
        {
            progress.Tick(progress._clock.Elapsed);
            redraw?.Invoke();
        });

        if (!isTerminal)
        {
            return await WorkWithHeartbeatAsync(null).ConfigureAwait(false);
        }

        progress._live = true;
        return await EngineConsole.For(error, isTerminal: true).Live(progress.Render()).AutoClear(false).StartAsync(async context =>
        {
            void Redraw()
            {
                context.UpdateTarget(progress.Render());
                context.Refresh();
            }

            var result = await WorkWithHeartbeatAsync(Redraw).ConfigureAwait(false);
            Redraw();
            return result;
        }).ConfigureAwait(false);
    }

    public void Started(string displayPath)
    {
        lock (_gate)
        {
            var row = _rows[displayPath];
            row.Started = _clock.Elapsed;
            row.State = "starting";
            WritePlain($"{displayPath}: started");
        }
    }

    public void Progressed(string displayPath, VerifyProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        lock (_gate)
        {
            var row = _rows[displayPath];
            var state = $"{progress.Subject}: {progress.Activity}";
            if (state != row.State)
            {
                row.State = state;
                row.StateSince = _clock.Elapsed;
                WritePlain($"{displayPath}: {state}");
            }
        }
    }

    public void Finished(VerifyOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        lock (_gate)
        {
            var row = _rows[outcome.DisplayPath];
            row.Outcome = outcome;
            var duration = outcome.Duration > TimeSpan.Zero ? $" after {Clock(outcome.Duration)}" : "";
            WritePlain($"{outcome.DisplayPath}: {VerifyBatchTable.VerdictWord(outcome.Verdict)}{duration}{(outcome.Message is { } message ? ": " + Shorten(message, 200) : "")}");
        }
    }

    /// <summary>The heartbeat of a plain log: a line naming what runs, when nothing was written for a while.</summary>
    public void Tick(TimeSpan elapsed)
    {
        lock (_gate)
        {
            if (_live || elapsed - _lastPlainLine < EngineVerifyProgress.PlainHeartbeat)
            {
                return;
            }

            var running = _rows.Where(static pair => pair.Value.IsRunning).Select(pair => $"{pair.Key} ({pair.Value.State}, {Clock(elapsed - pair.Value.StateSince)})").ToList();
            if (running.Count == 0)
            {
                return;
            }

            var finished = _rows.Values.Count(static row => row.Outcome is not null);
            var waiting = _rows.Values.Count(static row => row.Outcome is null && !row.IsRunning);
            _lastPlainLine = elapsed;
            _plain.WriteLine($"[{Clock(elapsed)}] running: {string.Join("; ", running)}; {finished} done, {waiting} waiting");
        }
    }

    private void WritePlain(string line)
    {
        if (_live)
        {
            return;
        }

        _lastPlainLine = _clock.Elapsed;
        _plain.WriteLine($"[{Clock(_lastPlainLine)}] {line}");
    }

    /// <summary>The live table: a row per Dockerfile, in the run's order.</summary>
    private Table Render()
    {
        lock (_gate)
        {
            var now = _clock.Elapsed;
            var table = new Table().Title(string.Create(CultureInfo.InvariantCulture, $"verify: {_rows.Values.Count(static row => row.Outcome is not null)} of {_rows.Count} done, {Clock(now)}"))
                .AddColumns("Dockerfile", "now", "time");
            foreach (var path in _order.Distinct(StringComparer.Ordinal))
            {
                var row = _rows[path];
                var (state, time) = row switch
                {
                    { Outcome: { } outcome } => (VerifyBatchTable.VerdictMarkup(outcome.Verdict), outcome.Duration > TimeSpan.Zero ? Clock(outcome.Duration) : ""),
                    { IsRunning: true } => (Markup.Escape($"{row.State}, {Clock(now - row.StateSince)}"), Clock(now - row.Started)),
                    _ => ("[dim]waiting[/]", ""),
                };
                table.AddRow(Markup.Escape(path), state, time);
            }

            return table;
        }
    }

    private static string Clock(TimeSpan elapsed) =>
        elapsed.ToString(elapsed >= TimeSpan.FromHours(1) ? @"h\:mm\:ss" : @"m\:ss", CultureInfo.InvariantCulture);

    private static string Shorten(string text, int length)
    {
        var oneLine = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return oneLine.Length <= length ? oneLine : oneLine[..(length - 3)] + "...";
    }

    /// <summary>What one Dockerfile is doing, as the summary shows it.</summary>
    private sealed class Row
    {
        public TimeSpan? StartedAt { get; private set; }

        public TimeSpan Started
        {
            get => StartedAt ?? TimeSpan.Zero;
            set
            {
                StartedAt = value;
                StateSince = value;
            }
        }

        public TimeSpan StateSince { get; set; }

        public string State { get; set; } = "waiting";

        public VerifyOutcome? Outcome { get; set; }

        public bool IsRunning => StartedAt is not null && Outcome is null;
    }
}