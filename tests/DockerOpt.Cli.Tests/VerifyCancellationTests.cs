using System.Diagnostics;

using DockerOpt.Cli.Tests.Support;

namespace DockerOpt.Cli.Tests;

/// <summary>
/// Ctrl-C during <c>dockeropt verify</c> must still remove what the run made. This runs the real <c>dockeropt</c>
/// process and sends it SIGINT, with a fake <c>docker</c> on PATH that is slow to remove images, as a busy engine
/// is. The fake proves only the signal handling and the clean-up calls, nothing about a real engine.
/// </summary>
public sealed class VerifyCancellationTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly CliSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    [Fact]
    public async Task Ctrl_C_during_a_build_removes_the_images_and_temp_files_even_when_the_engine_is_slow()
    {
        sandbox.Write("app/Dockerfile", "FROM debian:bookworm\nRUN apt-get update && apt-get install -y curl\nCMD [\"curl\"]\n");
        var dockeropt = new DockeroptProcess(
            sandbox,
            "case \"$1\" in\n"
            + "  version) echo 26.1.5 ;;\n"
            + "  build) exec sleep 120 ;;\n"
            + "  image) sleep 4 ;;\n" // removing an image on a busy engine takes seconds
            + "esac");

        using var process = dockeropt.Start("verify", "app/Dockerfile", "--no-warm");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();

        // The signal comes the moment the build has started: there must be no instant in which Ctrl-C skips the clean-up.
        await WaitUntilAsync(() => dockeropt.Calls().Any(static call => call.StartsWith("build ", StringComparison.Ordinal)));
        await SendInterruptAsync(process.Id);
        using var exited = new CancellationTokenSource(Patience);
        await process.WaitForExitAsync(exited.Token);

        var stderr = await error;
        Assert.True(process.ExitCode == 3, $"exit {process.ExitCode}\n{stderr}{await output}");
        Assert.Contains("dockeropt: stopping and removing what this run made (press Ctrl-C again to quit at once)\n", stderr, StringComparison.Ordinal);
        Assert.EndsWith("dockeropt: cancelled\n", stderr, StringComparison.Ordinal);
        Assert.Contains(dockeropt.Calls(), static line => line.StartsWith("image rm --force dockeropt-verify-", StringComparison.Ordinal) && line.EndsWith(":original", StringComparison.Ordinal));
        Assert.Empty(Directory.EnumerateFileSystemEntries(dockeropt.TempDirectory));
    }

    [Fact]
    public async Task Ctrl_C_ends_a_long_rewrite_at_once_and_the_Dockerfile_stays_as_it_was()
    {
        // A rewrite has nothing to clean up (its writes are atomic): the signal ends it like any program.
        var huge = "FROM debian:bookworm\n" + string.Concat(Enumerable.Range(0, 100_000).Select(static i => $"RUN echo {i}\n"));
        sandbox.Write("Dockerfile", huge);
        var dockeropt = new DockeroptProcess(sandbox, "exit 1");

        using var process = dockeropt.Start("rewrite", "--apply", "--no-dockerignore");
        var error = process.StandardError.ReadToEndAsync();
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.False(process.HasExited, "the rewrite finished before the signal: the test needs a larger file");
        await SendInterruptAsync(process.Id);
        using var exited = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await process.WaitForExitAsync(exited.Token);

        Assert.True(process.ExitCode == 130, $"exit {process.ExitCode}\n{await error}");
        Assert.Equal(huge, sandbox.Read("Dockerfile"));
    }

    private static async Task SendInterruptAsync(int processId)
    {
        using var kill = Process.Start("kill", ["-INT", processId.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        Assert.Equal(0, kill.ExitCode);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "dockeropt never started the build");
            await Task.Delay(10);
        }
    }
}