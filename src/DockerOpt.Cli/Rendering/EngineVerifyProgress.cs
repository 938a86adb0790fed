using System.Globalization;

using DockerOpt.Engine.Verification;

using Spectre.Console;

namespace DockerOpt.Cli.Rendering;

/// <summary>
/// Shows verification progress on standard error: a live status line on a terminal (Spectre.Console), and
/// on anything else one plain line per new activity or build step, so CI logs show where time went.
/// </summary>
public sealed class EngineVerifyProgress : IProgress<VerifyProgress>
{
    private readonly TextWriter _plain;
    private readonly Lock _gate = new();
    private StatusContext? _status;
    private string? _last;

    private EngineVerifyProgress(TextWriter plain)
    {
        _plain = plain;
    }

    /// <summary>Runs <paramref name="work"/> while showing its progress.</summary>
    public static async Task<T> RunAsync<T>(TextWriter error, bool isTerminal, Func<IProgress<VerifyProgress>, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var progress = new EngineVerifyProgress(error);
        if (!isTerminal)
        {
            return await work(progress).ConfigureAwait(false);
        }

        return await EngineConsole.For(error, isTerminal: true).Status().StartAsync("starting", async context =>
        {
            progress._status = context;
            return await work(progress).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    public void Report(VerifyProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var elapsed = value.Elapsed.ToString(@"m\:ss", CultureInfo.InvariantCulture);
        var line = value.Step is null ? $"{value.Subject}: {value.Activity}" : $"{value.Subject}: {value.Activity}: {value.Step}";
        lock (_gate)
        {
            if (_status is { } status)
            {
                status.Status($"[[{elapsed}]] {Markup.Escape(line)}");
                return;
            }

            if (!string.Equals(line, _last, StringComparison.Ordinal))
            {
                _last = line;
                _plain.WriteLine($"[{elapsed}] {line}");
            }
        }
    }
}