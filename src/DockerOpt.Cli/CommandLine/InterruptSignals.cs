using System.Runtime.InteropServices;

namespace DockerOpt.Cli.CommandLine;

/// <summary>
/// Turns the first Ctrl-C (SIGINT) or SIGTERM into a cancellation the running command observes, so a verify run
/// still removes the images and temp files it made; a second signal ends the process at once. Registered when
/// the process starts, so there is no moment in which a signal kills dockeropt without its clean-up. Commands
/// with nothing to clean up are not held back: the signal ends them as it ends any program.
/// </summary>
public sealed class InterruptSignals : IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();
    private readonly TextWriter _error;
    private readonly PosixSignalRegistration _interrupt;
    private readonly PosixSignalRegistration _terminate;
    private int _received;
    private volatile bool _cleanUpOnSignal;

    private InterruptSignals(TextWriter error)
    {
        _error = error;
        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
    }

    /// <summary>Cancelled by the first signal.</summary>
    public CancellationToken Token => _cancellation.Token;

    /// <summary>Starts listening for SIGINT and SIGTERM; messages go to <paramref name="error"/>.</summary>
    public static InterruptSignals Register(TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new InterruptSignals(error);
    }

    /// <summary>Whether the first signal cancels the command (true) or ends the process at once (false).</summary>
    public void CleanUpOnSignal(bool cleanUp) => _cleanUpOnSignal = cleanUp;

    public void Dispose()
    {
        _interrupt.Dispose();
        _terminate.Dispose();
        _cancellation.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        if (!_cleanUpOnSignal || Interlocked.Increment(ref _received) > 1)
        {
            // The default action: the process ends now.
            return;
        }

        context.Cancel = true;
        _error.WriteLine("dockeropt: stopping and removing what this run made (press Ctrl-C again to quit at once)");
        _cancellation.Cancel();
    }
}