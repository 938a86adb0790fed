namespace DockerOpt.Cli.Rendering;

/// <summary>
/// Runs a piece of work while calling a beat once a second, so a long engine phase never looks stuck. The beats stop
/// before the work's result is handed back: no progress line is written after the caller moves on to the report.
/// </summary>
internal static class Heartbeat
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    public static async Task<T> RunAsync<T>(Func<Task<T>> work, Action beat)
    {
        using var done = new CancellationTokenSource();
        var beats = BeatAsync(beat, done.Token);
        try
        {
            return await work().ConfigureAwait(false);
        }
        finally
        {
            await done.CancelAsync().ConfigureAwait(false);
            await beats.ConfigureAwait(false);
        }
    }

    private static async Task BeatAsync(Action beat, CancellationToken done)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(done).ConfigureAwait(false))
            {
                beat();
            }
        }
        catch (OperationCanceledException)
        {
            // The work is over.
        }
    }
}