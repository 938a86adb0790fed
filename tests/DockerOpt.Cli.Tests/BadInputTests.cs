using DockerOpt.Cli.Tests.Support;

namespace DockerOpt.Cli.Tests;

/// <summary>
/// Every kind of bad input ends the same way: one clear line (<c>file:line:col: ...</c> where it applies), exit 2,
/// and not a single file written.
/// </summary>
public sealed class BadInputTests : IDisposable
{
    private readonly CliSandbox sandbox = new();

    public BadInputTests()
    {
        sandbox.Write("Dockerfile", "FROM debian\nRUN apt-get install -y curl\n");
    }

    public void Dispose() => sandbox.Dispose();

    [Theory]
    [InlineData("rewrite")]
    [InlineData("lint")]
    public void A_missing_path_is_named(string command)
    {
        AssertRefused(["missing/Dockerfile"], "missing/Dockerfile: no such file or directory\n", command);
    }

    [Fact]
    public void No_Dockerfile_here_is_named_when_no_path_is_given()
    {
        File.Delete(sandbox.PathOf("Dockerfile"));

        AssertRefused([], "Dockerfile: no such file or directory\n", "rewrite", "--apply");
    }

    [Fact]
    public void A_directory_without_a_Dockerfile_says_what_was_looked_for()
    {
        sandbox.Write("docs/README.md", "# docs\n");

        AssertRefused(["docs"], "docs: no Dockerfile in this directory (looked for Dockerfile, Dockerfile.*, *.Dockerfile, Containerfile)\n", "rewrite", "--apply");
    }

    [Fact]
    public void An_unreadable_file_is_refused_with_the_reason()
    {
        string path;
        if (Environment.UserName == "root")
        {
            // chmod 000 does not stop root, and the tests run as root here and in CI. /proc/self/mem is a file that
            // exists and refuses every read (EIO at offset 0): the same code path as a permission error.
            path = "/proc/self/mem";
        }
        else
        {
            path = sandbox.PathOf("Dockerfile");
            File.SetUnixFileMode(path, UnixFileMode.None);
        }

        var before = sandbox.State();
        var result = sandbox.Run("rewrite", "--apply", path);

        Assert.Equal(2, result.ExitCode);
        Assert.Matches(@"^\S+:1:1: error: cannot read file: .+\n$", result.Error);
        Assert.Equal(before, sandbox.State());
    }

    [Fact]
    public void A_folder_that_takes_no_new_files_is_refused_before_anything_is_written()
    {
        string folder;
        if (Environment.UserName == "root")
        {
            // Root writes through chmod, and the tests run as root here and in CI. sysfs refuses new files even to
            // root (EACCES), the same answer a read-only or foreign folder gives.
            folder = "/sys";
        }
        else
        {
            folder = sandbox.PathOf("locked");
            Directory.CreateDirectory(folder);
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        }

        var target = Path.Combine(folder, "Dockerfile.new");
        var before = sandbox.State();

        var result = sandbox.Run("rewrite", "--output", target);

        Assert.Equal($"{target}: cannot write to its directory (permission denied); nothing written\n", result.Error);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(before, sandbox.State());
        Assert.False(File.Exists(target));
    }

    [Fact]
    public void A_binary_file_is_refused_at_the_NUL_byte()
    {
        sandbox.WriteBytes("Dockerfile", [.. "FROM debian\nRUN x"u8.ToArray(), 0x00, 0x01]);

        AssertRefused([], "Dockerfile:2:6: error: binary file (contains a NUL byte); a Dockerfile must be UTF-8 text\n", "rewrite", "--apply");
    }

    [Fact]
    public void Invalid_UTF8_is_refused_at_the_first_bad_byte()
    {
        sandbox.WriteBytes("Dockerfile", [.. "FROM debian\nLABEL a=caf"u8.ToArray(), 0xE9, (byte)'\n']);

        AssertRefused([], "Dockerfile:2:12: error: invalid UTF-8 (byte 0xE9); save the file as UTF-8\n", "rewrite", "--apply");
    }

    [Fact]
    public void A_Dockerfile_that_does_not_parse_lists_every_error()
    {
        sandbox.Write("Dockerfile", "FROM debian\nFOO bar\nCOPY\n");

        AssertRefused([], "Dockerfile:2:1: error: unknown instruction: FOO\nDockerfile:3:5: error: COPY requires at least two arguments\n", "rewrite", "--apply");
    }

    [Fact]
    public void One_bad_file_among_several_stops_the_run_before_anything_is_written()
    {
        sandbox.Write("b/Dockerfile", "FROM debian\nFOO bar\n");

        AssertRefused(
            ["."],
            "b/Dockerfile:2:1: error: unknown instruction: FOO\ndockeropt: 1 of 2 Dockerfiles cannot be rewritten; nothing was written\n",
            "rewrite",
            "--apply");
    }

    [Theory]
    [InlineData("lint")]
    [InlineData("rewrite", "--check")]
    [InlineData("rewrite")]
    public void One_bad_file_among_several_is_named_and_the_others_are_still_checked(params string[] command)
    {
        sandbox.Write("b/Dockerfile", "FROM debian\nFOO bar\n");
        var before = sandbox.State();

        var result = sandbox.Run([.. command, "."]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(before, sandbox.State());
        Assert.Contains("b/Dockerfile:2:1: error: unknown instruction: FOO\n", result.Error, StringComparison.Ordinal);
        Assert.Contains("dockeropt: 1 of 2 Dockerfiles could not be read or parsed; the others were processed\n", result.Error, StringComparison.Ordinal);

        // The good file's own result is there: its finding on line 2 (apt-get install without --no-install-recommends).
        Assert.Contains("test-no-recommends", result.Out + result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rewrite")]
    [InlineData("lint")]
    public void An_unknown_pass_id_lists_the_known_ones(string command)
    {
        AssertRefused(
            [],
            "dockeropt: unknown pass id 'merge-runs'; known passes: test-ignore-git, test-no-recommends, test-privileged-port (see 'dockeropt passes')\n",
            command,
            "--skip",
            "merge-runs");
    }

    [Fact]
    public void A_bad_option_value_lists_the_allowed_ones_on_one_line()
    {
        AssertRefused([], "dockeropt: Argument 'bold' not recognized. Must be one of: 'safe' 'aggressive'\nRun 'dockeropt --help' for usage.\n", "rewrite", "--apply", "--level", "bold");
    }

    [Fact]
    public void Apply_and_check_together_are_refused()
    {
        AssertRefused([], "dockeropt: --apply and --check cannot be used together (--check never writes)\n", "rewrite", "--apply", "--check");
    }

    [Fact]
    public void An_internal_error_exits_3_with_a_hint_and_shows_the_trace_with_verbose()
    {
        sandbox.CreatePasses = _ => [new CrashingPass()];
        var before = sandbox.State();

        var plain = sandbox.Run("rewrite", "--apply");
        var verbose = sandbox.Run("rewrite", "--apply", "--verbose");

        Assert.Equal(3, plain.ExitCode);
        Assert.Equal("dockeropt: internal error: the pass tripped over its own feet (rerun with --verbose for the trace)\n", plain.Error);
        Assert.Equal(3, verbose.ExitCode);
        Assert.Contains("System.InvalidOperationException: the pass tripped over its own feet", verbose.Error, StringComparison.Ordinal);
        Assert.Contains(" at ", verbose.Error, StringComparison.Ordinal);
        Assert.Equal(before, sandbox.State());
    }

    private void AssertRefused(string[] paths, string expectedError, params string[] command)
    {
        var before = sandbox.State();

        var result = sandbox.Run([.. command, .. paths]);

        Assert.Equal(expectedError, result.Error);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(before, sandbox.State());
    }
}