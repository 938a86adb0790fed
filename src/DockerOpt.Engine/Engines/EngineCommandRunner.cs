using System.ComponentModel;
using System.Diagnostics;
using System.Text;

using CliWrap;

using DockerOpt.Engine.Errors;

namespace DockerOpt.Engine.Engines;

/// <summary>
/// The only place that starts processes. Runs the engine client through CliWrap with an argument list,
/// enforces the timeout, and turns "no such program", "no daemon" and "no permission" into their own
/// exception types whichever command met them.
/// </summary>
internal sealed class EngineCommandRunner(EngineOptions options)
{
    private static readonly IReadOnlyDictionary<string, string?> BuildKitEnvironment = new Dictionary<string, string?>
    {
        // The Docker client picks BuildKit by itself when buildx is installed; saying so makes an old client fail
        // loudly instead of silently falling back to the legacy builder, which rejects RUN --mount.
        ["DOCKER_BUILDKIT"] = "1",
    };

    public string Executable => options.ExecutableOrDefault;

    /// <summary>
    /// Runs the client. Standard output goes to <paramref name="standardOutput"/> when given (for streams such as
    /// <c>docker save</c>), otherwise it is captured as text. Every standard error line also goes to
    /// <paramref name="onErrorLine"/> (build progress is written there).
    /// </summary>
    public async Task<EngineCommandResult> RunAsync(
        string operation,
        IReadOnlyList<string> arguments,
        TimeSpan timeout,
        CancellationToken cancellationToken,
        PipeTarget? standardOutput = null,
        Action<string>? onErrorLine = null,
        Action<string>? onOutputLine = null)
    {
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var outputTarget = standardOutput ?? PipeTarget.ToStringBuilder(stdout);
        if (onOutputLine is not null)
        {
            outputTarget = PipeTarget.Merge(outputTarget, PipeTarget.ToDelegate(onOutputLine));
        }

        var errorTarget = onErrorLine is null
            ? PipeTarget.ToStringBuilder(stderr)
            : PipeTarget.Merge(PipeTarget.ToStringBuilder(stderr), PipeTarget.ToDelegate(onErrorLine));

        var command = Cli.Wrap(Executable)
            .WithArguments(arguments)
            .WithEnvironmentVariables(BuildKitEnvironment)
            .WithEnvironmentVariables(options.ClientEnvironment.ToDictionary(static pair => pair.Key, static pair => (string?)pair.Value))
            .WithValidation(CommandResultValidation.None)
            .WithStandardOutputPipe(outputTarget)
            .WithStandardErrorPipe(errorTarget);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var stopwatch = Stopwatch.StartNew();
        CommandResult result;
        try
        {
            result = await command.ExecuteAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new EngineTimeoutException(operation, timeout);
        }
        catch (Exception ex) when (IsProgramMissing(ex))
        {
            throw new EngineNotFoundException(Executable, ex);
        }

        // A cancelled caller can stop reading a stream (docker save) before the client is killed; the client then
        // dies of SIGPIPE (exit 141) and the failure is the cancellation, not the engine.
        if (result.ExitCode != 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }

        var errorText = stderr.ToString();
        if (result.ExitCode != 0 && EngineErrorClassifier.Classify(Executable, errorText) is { } engineError)
        {
            throw engineError;
        }

        return new EngineCommandResult(result.ExitCode, stdout.ToString(), errorText, stopwatch.Elapsed);
    }

    /// <summary>Runs the client and fails with <see cref="EngineCommandFailedException"/> on a non-zero exit code.</summary>
    public async Task<EngineCommandResult> RunCheckedAsync(
        string operation,
        IReadOnlyList<string> arguments,
        TimeSpan timeout,
        CancellationToken cancellationToken,
        PipeTarget? standardOutput = null)
    {
        var result = await RunAsync(operation, arguments, timeout, cancellationToken, standardOutput).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new EngineCommandFailedException(operation, result.ExitCode, Tail(result.StandardError, 5));
        }

        return result;
    }

    /// <summary>The last <paramref name="lines"/> non-empty lines of <paramref name="text"/>, joined by " | ".</summary>
    public static string Tail(string text, int lines)
    {
        var all = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join(" | ", all.Skip(Math.Max(0, all.Length - lines)));
    }

    // CliWrap reports a program it could not start as a Win32Exception, wrapped in its own exception on some versions.
    private static bool IsProgramMissing(Exception exception) =>
        exception is Win32Exception || exception.InnerException is Win32Exception;
}