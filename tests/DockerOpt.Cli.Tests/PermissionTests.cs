using DockerOpt.Cli.Tests.Support;

namespace DockerOpt.Cli.Tests;

/// <summary>
/// Files and folders the person running dockeropt may not read. These run the real program as the unprivileged user
/// nobody (see <see cref="UnprivilegedDockeropt"/>): root reads through chmod 000, so only another user sees the
/// permission error for real. A file it may not read is bad input (exit 2) in every command; a folder it may not read
/// is bad input when named, and skipped with a warning when a directory search meets it.
/// </summary>
public sealed class PermissionTests : IDisposable
{
    private readonly CliSandbox sandbox = new();

    public PermissionTests()
    {
        sandbox.Write("Dockerfile", "FROM debian:bookworm\nCMD [\"true\"]\n");
    }

    public void Dispose()
    {
        foreach (var path in Directory.EnumerateFileSystemEntries(sandbox.Directory, "*", SearchOption.AllDirectories))
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        sandbox.Dispose();
    }

    [UnprivilegedTheory]
    [InlineData("parse", "--roundtrip")]
    [InlineData("parse")]
    [InlineData("rewrite")]
    [InlineData("lint")]
    public async Task A_Dockerfile_the_user_may_not_read_is_bad_input_naming_it_as_an_unprivileged_user(params string[] command)
    {
        File.SetUnixFileMode(sandbox.PathOf("Dockerfile"), UnixFileMode.None);

        var result = await UnprivilegedDockeropt.RunAsync(sandbox.Directory, [.. command, "Dockerfile"]);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("Dockerfile:1:1: error: cannot read file: permission denied\n", result.Error, StringComparison.Ordinal);
    }

    [UnprivilegedFact]
    public async Task A_directory_search_skips_a_subdirectory_the_user_may_not_read_with_a_warning_as_an_unprivileged_user()
    {
        sandbox.Write("data/db/Dockerfile", "FROM debian:bookworm\n");
        File.SetUnixFileMode(sandbox.PathOf("data/db"), UnixFileMode.None);

        var result = await UnprivilegedDockeropt.RunAsync(sandbox.Directory, "parse", "--roundtrip", ".");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("dockeropt: warning: data/db: cannot search this directory (permission denied); skipped\n", result.Error);
        Assert.Equal("1/1 files round-trip byte-identical\n", result.Out);
    }

    [UnprivilegedFact]
    public async Task A_directory_named_on_the_command_line_that_the_user_may_not_read_is_bad_input_as_an_unprivileged_user()
    {
        sandbox.Write("locked/Dockerfile", "FROM debian:bookworm\n");
        File.SetUnixFileMode(sandbox.PathOf("locked"), UnixFileMode.None);

        var result = await UnprivilegedDockeropt.RunAsync(sandbox.Directory, "lint", "locked");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("locked: cannot read this directory (permission denied)\n", result.Error);
    }
}