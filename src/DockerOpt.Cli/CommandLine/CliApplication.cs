using System.CommandLine;
using System.CommandLine.Invocation;

namespace DockerOpt.Cli.CommandLine;

/// <summary>
/// Parses arguments, runs the chosen command and turns every failure into one clear line and the
/// documented exit code. Nothing below this layer prints or exits.
/// </summary>
public static class CliApplication
{
    public static Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default) =>
        RunAsync(args, console, signals: null, cancellationToken);

    /// <summary>Runs as the process does: Ctrl-C and SIGTERM arrive through <paramref name="signals"/>.</summary>
    public static Task<int> RunAsync(string[] args, CliConsole console, InterruptSignals signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        return RunAsync(args, console, signals, signals.Token);
    }

    private static async Task<int> RunAsync(string[] args, CliConsole console, InterruptSignals? signals, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);

        var root = RootCommandFactory.Create(console);
        var parseResult = root.Parse(args);

        // The engine commands (verify, inspect, budget) are the asynchronous ones and clean up when cancelled; a signal
        // ends any other command at once, as it would any program (their writes are atomic).
        signals?.CleanUpOnSignal(parseResult.Action is AsynchronousCommandLineAction);
        if (parseResult.Errors.Count > 0)
        {
            // System.CommandLine exits 1 on parse errors; ours say "bad input", which is 2.
            foreach (var error in parseResult.Errors)
            {
                // One line per problem: System.CommandLine lists allowed values on lines of their own.
                var message = string.Join(' ', error.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                await console.Error.WriteLineAsync($"dockeropt: {message}").ConfigureAwait(false);
            }

            await console.Error.WriteLineAsync("Run 'dockeropt --help' for usage.").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        var verbose = parseResult.GetValue(GlobalOptions.Verbose);
        var configuration = new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,
            EnableDefaultExceptionHandler = false,
            // Ctrl-C and SIGTERM are handled by InterruptSignals from the first instruction on (Program), not by
            // System.CommandLine: its handler is registered only once the command is under way (a signal a moment earlier
            // killed the process outright), and it ends the process 2 s after the signal, in the middle of a verify run's clean-up.
            ProcessTerminationTimeout = null,
        };

        try
        {
            return await parseResult.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (UserInputException ex)
        {
            await console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException)
        {
            await console.Error.WriteLineAsync("dockeropt: cancelled").ConfigureAwait(false);
            return ExitCodes.InternalOrEngineFailure;
        }
        catch (Exception ex)
        {
            await console.Error.WriteLineAsync(verbose
                ? $"dockeropt: internal error: {ex}"
                : $"dockeropt: internal error: {ex.Message} (rerun with --verbose for the trace)").ConfigureAwait(false);
            return ExitCodes.InternalOrEngineFailure;
        }
    }
}