using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;

using DockerOpt.Engine.Verification;

using Spectre.Console;

namespace DockerOpt.Cli.Rendering;

/// <summary>
/// Shows verification progress on standard error, with a heartbeat so no phase looks stuck: on a terminal a live
/// status (Spectre.Console) with the elapsed time and every build step running now, refreshed each second; on anything
/// else one plain line per new activity and, while it lasts, a line every <see cref="PlainHeartbeat"/> with the time
/// so far and the running steps, so CI logs show where time went. BuildKit runs independent steps in parallel, so
/// all running steps are named, not the one that printed last.
/// </summary>
public sealed class EngineVerifyProgress : IProgress<VerifyProgress>
{
    /// <summary>How often a plain-text log hears from a long activity.</summary>
    public static readonly TimeSpan PlainHeartbeat = TimeSpan.FromSeconds(10);

    private const int MaxStepsShown = 4;
    private const int MaxStepLength = 110;
    private readonly TextWriter _plain;
    private readonly Lock _gate = new();
    private StatusContext? _status;
    private VerifyProgress? _current;
    private TimeSpan _activityStarted;
    private TimeSpan _lastPlainLine;

    private EngineVerifyProgress(TextWriter plain)
    {
        _plain = plain;
    }

    /// <summary>Progress written as plain lines to <paramref name="writer"/>; <see cref="Tick"/> drives the heartbeat.</summary>
    public static EngineVerifyProgress ForPlainText(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        return new EngineVerifyProgress(writer);
    }

    /// <summary>Runs <paramref name="work"/> while showing its progress, with a heartbeat every second.</summary>
    public static async Task<T> RunAsync<T>(TextWriter error, bool isTerminal, Func<IProgress<VerifyProgress>, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var progress = new EngineVerifyProgress(error);
        var clock = Stopwatch.StartNew();
        Task<T> WorkWithHeartbeatAsync() => Heartbeat.RunAsync(() => work(progress), () => progress.Tick(clock.Elapsed));

        if (!isTerminal)
        {
            return await WorkWithHeartbeatAsync().ConfigureAwait(false);
        }

        return await EngineConsole.For(error, isTerminal: true).Status().StartAsync("starting", async context =>
        {
            progress._status = context;
            return await WorkWithHeartbeatAsync().ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    public void Report(VerifyProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (_gate)
        {
            var newActivity = _current is null || _current.Subject != value.Subject || _current.Activity != value.Activity;
            _current = value;
            if (newActivity)
            {
                _activityStarted = value.Elapsed;
            }

            if (_status is { } status)
            {
                status.Status(Markup.Escape(Describe(value.Elapsed, withSteps: true)));
            }
            else if (newActivity)
            {
                _lastPlainLine = value.Elapsed;
                _plain.WriteLine(Describe(value.Elapsed, withSteps: false));
            }
        }
    }

    /// <summary>The heartbeat: <paramref name="elapsed"/> is the time since the verification started.</summary>
    public void Tick(TimeSpan elapsed)
    {
        lock (_gate)
        {
            if (_current is null)
            {
                return;
            }

            if (_status is { } status)
            {
                status.Status(Markup.Escape(Describe(elapsed, withSteps: true)));
            }
            else if (elapsed - _lastPlainLine >= PlainHeartbeat)
            {
                _lastPlainLine = elapsed;
                _plain.WriteLine(Describe(elapsed, withSteps: true));
            }
        }
    }

    /// <summary>
    /// <c>[1:15] original: warm rebuild 1 of 3, 45 s so far; running: [build 4/5] RUN go build ...</c>; on a terminal
    /// each running step gets a line of its own.
    /// </summary>
    private string Describe(TimeSpan elapsed, bool withSteps)
    {
        var current = _current!;
        var clock = elapsed.ToString(elapsed >= TimeSpan.FromHours(1) ? @"h\:mm\:ss" : @"m\:ss", CultureInfo.InvariantCulture);
        var line = $"[{clock}] {current.Subject}: {current.Activity}";
        var sinceStart = elapsed - _activityStarted;
        if (sinceStart >= TimeSpan.FromSeconds(1))
        {
            line += string.Create(CultureInfo.InvariantCulture, $", {sinceStart.TotalSeconds:0} s so far");
        }

        if (!withSteps || current.RunningSteps.IsEmpty)
        {
            return line;
        }

        var shown = current.RunningSteps.Take(MaxStepsShown).Select(Shorten).ToImmutableArray();
        var more = current.RunningSteps.Length - shown.Length;
        var rest = more > 0 ? string.Create(CultureInfo.InvariantCulture, $" (+{more} more)") : "";
        return _status is null
            ? $"{line}; running: {string.Join(" | ", shown)}{rest}"
            : $"{line}\n" + string.Join('\n', shown.Select(static step => "  running " + step)) + rest;
    }

    /// <summary>One line (a RUN with continuations keeps its indentation in BuildKit's name for it), cut to a readable length.</summary>
    private static string Shorten(string step)
    {
        var oneLine = string.Join(' ', step.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return oneLine.Length <= MaxStepLength ? oneLine : oneLine[..(MaxStepLength - 3)] + "...";
    }
}