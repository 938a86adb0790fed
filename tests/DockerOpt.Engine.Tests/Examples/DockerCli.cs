using CliWrap;
using CliWrap.Buffered;

namespace DockerOpt.Engine.Tests.Examples;

/// <summary>
/// Runs a command with a hard timeout, so a hung engine fails the test instead of blocking CI.
/// </summary>
internal static class DockerCli
{
    public static readonly TimeSpan ShortTimeout = TimeSpan.FromMinutes(2);

    public static async Task<BufferedCommandResult> RunAsync(string program, IReadOnlyList<string> arguments, TimeSpan timeout, string? workingDirectory = null)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        var command = Cli.Wrap(program).WithArguments(arguments).WithValidation(CommandResultValidation.None);
        if (workingDirectory is not null)
        {
            command = command.WithWorkingDirectory(workingDirectory);
        }

        try
        {
            return await command.ExecuteBufferedAsync(cancellation.Token);
        }
        catch (OperationCanceledException ex)
        {
            throw new TimeoutException($"`{program} {string.Join(' ', arguments)}` did not finish within {timeout.TotalSeconds:0} s", ex);
        }
    }

    /// <summary>Best-effort removal; a leftover must not hide the test's own failure.</summary>
    public static async Task RemoveQuietlyAsync(params string[] arguments)
    {
        try
        {
            await RunAsync("docker", arguments, ShortTimeout);
        }
        catch (TimeoutException)
        {
        }
    }
}