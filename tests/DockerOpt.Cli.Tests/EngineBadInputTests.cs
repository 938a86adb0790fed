using DockerOpt.Cli.Tests.Support;

namespace DockerOpt.Cli.Tests;

/// <summary>
/// An image name that is not in the engine is the user's mistake, not the engine's: one clear line and exit 2,
/// like every other bad input. Runs the real program with a fake <c>docker</c> that answers as Docker 26 does.
/// </summary>
public sealed class EngineBadInputTests : IDisposable
{
    private readonly CliSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    [Theory]
    [InlineData("inspect", "app:tpyo")]
    [InlineData("budget", "app:tpyo", "--max-size", "300MB")]
    public async Task An_image_that_is_not_there_is_bad_input_named_in_one_line(params string[] command)
    {
        var dockeropt = new DockeroptProcess(sandbox, "echo 'Error response from daemon: reference does not exist' >&2; exit 1");

        var result = await dockeropt.RunAsync(command);

        Assert.Equal("dockeropt: app:tpyo: no such image in the local docker engine (build or pull it first; 'docker images' lists what is there)\n", result.Error);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.Equal(["save app:tpyo"], dockeropt.Calls());
    }
}