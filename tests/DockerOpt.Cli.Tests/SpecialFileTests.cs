using DockerOpt.Cli.Tests.Support;

namespace DockerOpt.Cli.Tests;

/// <summary>
/// Files a pull request can contain that are not plain files: a FIFO where a Dockerfile, a .dockerignore, a
/// configuration or the output should be. Opening a FIFO for reading waits for a writer that never comes, so each of
/// them used to hang every command. Now each is named and refused (exit 2) without being opened, and nothing is written.
/// </summary>
/// <remarks>
/// The commands run in-process. Should one ever wait on a FIFO again, <see cref="RunWithoutHanging"/> opens the FIFOs
/// for writing after a minute, which ends the read, and fails the test, so a regression fails instead of hanging the
/// test run. The minute is a guard, not a measurement.
/// </remarks>
public sealed class SpecialFileTests : IDisposable
{
    private const string Dockerfile = "FROM debian\nRUN apt-get install -y curl\n";
    private readonly CliSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    [Theory]
    [InlineData("rewrite")]
    [InlineData("rewrite", "--apply")]
    [InlineData("rewrite", "--check")]
    [InlineData("lint")]
    [InlineData("parse")]
    [InlineData("parse", "--format", "json")]
    [InlineData("parse", "--roundtrip")]
    public void A_FIFO_named_as_the_Dockerfile_is_refused_without_waiting_for_a_writer(params string[] command)
    {
        sandbox.MakeFifo("Dockerfile");
        var before = sandbox.State();

        var result = RunWithoutHanging([.. command, "Dockerfile"]);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("Dockerfile: not a regular file (fifo)\n", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, sandbox.State());
    }

    [Fact]
    public void A_FIFO_named_like_a_Dockerfile_in_a_searched_folder_is_named_and_the_real_Dockerfiles_are_still_linted()
    {
        sandbox.Write("Dockerfile", Dockerfile);
        sandbox.MakeFifo("services/api.Dockerfile");

        var result = RunWithoutHanging("lint", ".");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("services/api.Dockerfile: not a regular file (fifo)\n", result.Error, StringComparison.Ordinal);
        Assert.Contains("dockeropt: 1 of 2 Dockerfiles could not be read or parsed; the others were processed\n", result.Error, StringComparison.Ordinal);
        Assert.Contains("Dockerfile:2:1: warning: test-no-recommends", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_FIFO_named_like_a_Dockerfile_in_a_searched_folder_stops_apply_before_anything_is_written()
    {
        sandbox.Write("Dockerfile", Dockerfile);
        sandbox.MakeFifo("services/api.Dockerfile");
        var before = sandbox.State();

        var result = RunWithoutHanging("rewrite", ".", "--apply");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("services/api.Dockerfile: not a regular file (fifo)\ndockeropt: 1 of 2 Dockerfiles cannot be rewritten; nothing was written\n", result.Error);
        Assert.Equal(before, sandbox.State());
    }

    [Theory]
    [InlineData("rewrite", "--apply")]
    [InlineData("rewrite")]
    [InlineData("lint")]
    public void A_dockerignore_that_is_a_FIFO_is_named_instead_of_being_read_or_replaced(params string[] command)
    {
        sandbox.Write("Dockerfile", Dockerfile);
        sandbox.MakeFifo(".dockerignore");
        var before = sandbox.State();

        var result = RunWithoutHanging(command);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(".dockerignore: not a regular file (fifo)\n", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, sandbox.State());
    }

    [Fact]
    public void A_configuration_file_that_is_a_FIFO_is_named()
    {
        sandbox.Write("Dockerfile", Dockerfile);
        sandbox.MakeFifo(".dockeropt.yaml");

        var result = RunWithoutHanging("lint");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(".dockeropt.yaml: not a regular file (fifo)\n", result.Error);
    }

    [Fact]
    public void An_output_file_that_is_a_FIFO_is_refused_before_anything_is_written()
    {
        sandbox.Write("Dockerfile", Dockerfile);
        sandbox.MakeFifo("out.Dockerfile");
        var before = sandbox.State();

        var result = RunWithoutHanging("rewrite", "--output", "out.Dockerfile");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("out.Dockerfile: not a regular file (fifo); nothing written\n", result.Error);
        Assert.Equal(before, sandbox.State());
    }

    private CliResult RunWithoutHanging(params string[] args)
    {
        var run = Task.Run(() => sandbox.Run(args));
        if (run.Wait(TimeSpan.FromMinutes(1)))
        {
            return run.Result;
        }

        foreach (var fifo in sandbox.State().Where(entry => entry.Value == "fifo").Select(entry => sandbox.PathOf(entry.Key)))
        {
            // Opening the write end lets a reader blocked on the FIFO go on (it reads end of file once this closes).
            _ = Task.Run(() => File.WriteAllBytes(fifo, []));
        }

        Assert.Fail($"dockeropt {string.Join(' ', args)} waited on a FIFO");
        return run.Result;
    }
}