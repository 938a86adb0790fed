using DockerOpt.Cli.Tests.Support;

namespace DockerOpt.Cli.Tests.Verify;

/// <summary>
/// What <c>dockeropt verify</c> tells a person before and around the engine work: its help, the options it refuses,
/// and the exit code when the user's own original is broken. A fake <c>docker</c> stands in where a process is
/// needed; it proves the CLI's side only (the engine tests prove the verification itself).
/// </summary>
public sealed class VerifyCommandTests : IDisposable
{
    private readonly CliSandbox sandbox = new();

    public VerifyCommandTests()
    {
        sandbox.Write("app/Dockerfile", "FROM debian:bookworm\nRUN apt-get update && apt-get install -y curl\nCMD [\"curl\"]\n");
    }

    public void Dispose() => sandbox.Dispose();

    [Fact]
    public void The_help_documents_the_probe_format_the_timings_and_the_exit_codes()
    {
        var result = sandbox.Run("verify", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("  --http PORT[/PATH]   PORT is the port the app listens on inside the container, PATH what to GET (default /):\n", result.Out, StringComparison.Ordinal);
        Assert.Contains("--expect", result.Out, StringComparison.Ordinal);
        Assert.Contains("--env-file", result.Out, StringComparison.Ordinal);
        Assert.Contains("--runs", result.Out, StringComparison.Ordinal);
        Assert.Contains("marked \"within noise\"", result.Out, StringComparison.Ordinal);
        var exitCodes = result.Out[result.Out.IndexOf("Exit codes:\n", StringComparison.Ordinal)..];
        foreach (var code in new[] { "  0  ", "  1  ", "  2  ", "  3  " })
        {
            Assert.Contains(code, exitCodes, StringComparison.Ordinal);
        }

        Assert.True(exitCodes.IndexOf("Exit codes:", StringComparison.Ordinal) < exitCodes.IndexOf("Examples:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("dockeropt: --expect checks the body of the --http answer: give --http PORT[/PATH] too", "--expect", "ok")]
    [InlineData("dockeropt: --env-file missing.env: no such file", "--env-file", "missing.env")]
    [InlineData("dockeropt: --env '=value': expected NAME=value or NAME", "--env", "=value")]
    [InlineData("dockeropt: --runs 0: expected a number of runs, 1 or more", "--runs", "0")]
    [InlineData("dockeropt: --cold-runs 0: expected a number of runs, 1 or more", "--cold-runs", "0")]
    [InlineData("dockeropt: --http 80a/x: expected PORT or PORT/PATH, e.g. 8080/healthz", "--http", "80a/x")]
    public async Task Options_that_cannot_work_are_bad_input_before_anything_is_built(string message, params string[] option)
    {
        var dockeropt = new DockeroptProcess(sandbox, "echo 26.1.5");

        var result = await dockeropt.RunAsync(["verify", "app/Dockerfile", .. option]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(message + "\n", result.Error);
        Assert.DoesNotContain(dockeropt.Calls(), static call => call.StartsWith("build ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_original_that_fails_its_own_check_is_bad_input_and_the_rewrite_is_never_built()
    {
        var dockeropt = new DockeroptProcess(
            sandbox,
            "case \"$1\" in\n"
            + "  version) echo 26.1.5 ;;\n"
            + "  build) echo '#5 [2/2] RUN apt-get update' >&2 ;;\n"
            + "  run) echo 'curl: not found' >&2; exit 127 ;;\n"
            + "esac");

        var result = await dockeropt.RunAsync("verify", "app/Dockerfile", "--smoke", "curl --version", "--env", "A=1");

        Assert.Equal(2, result.ExitCode);
        Assert.EndsWith(
            "dockeropt: the original image fails the smoke test (not dockeropt's doing; fix the check or the image first): exit code 127: curl: not found\n",
            result.Error,
            StringComparison.Ordinal);
        Assert.Single(dockeropt.Calls(), static call => call.StartsWith("build ", StringComparison.Ordinal));
        Assert.Contains(dockeropt.Calls(), static call => call.StartsWith("run --rm --name dockeropt-", StringComparison.Ordinal) && call.Contains(" --pull=never --env A=1 dockeropt-verify-", StringComparison.Ordinal));
    }
}