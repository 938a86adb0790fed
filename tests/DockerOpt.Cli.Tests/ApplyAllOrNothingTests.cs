using System.Text.Json;

using DockerOpt.Cli.Tests.Support;

namespace DockerOpt.Cli.Tests;

/// <summary>
/// <c>rewrite --apply</c> writes every file or none: each target is checked (a regular file or none, not read-only,
/// unchanged since read) and staged before the first one is replaced. One file is written once however it is named,
/// a symbolic link is written through to its target, and a read-only file is left alone unless --force says otherwise.
/// </summary>
public sealed class ApplyAllOrNothingTests : IDisposable
{
    private const string Naive = "FROM debian\nRUN apt-get install -y curl\n";
    private const string Rewritten = "FROM debian\nRUN apt-get install --no-install-recommends -y curl\n";
    private readonly CliSandbox sandbox = new();

    public ApplyAllOrNothingTests()
    {
        sandbox.Write("Dockerfile", Naive);
    }

    public void Dispose() => sandbox.Dispose();

    [Fact]
    public void A_dockerignore_that_is_a_directory_stops_apply_before_the_Dockerfile_is_written()
    {
        Directory.CreateDirectory(sandbox.PathOf(".dockerignore"));
        sandbox.Write(".dockerignore/notes", "not an ignore file\n");

        AssertNothingWritten(".dockerignore: not a regular file (directory); nothing written\n", "rewrite", "--apply");
    }

    [Fact]
    public void A_dockerignore_that_is_a_link_to_a_missing_file_stops_apply_before_the_Dockerfile_is_written()
    {
        sandbox.Symlink(".dockerignore", "shared/missing.dockerignore");

        AssertNothingWritten(".dockerignore: a symbolic link to a missing file (shared/missing.dockerignore); nothing written\n", "rewrite", "--apply");
    }

    [Fact]
    public void A_bad_target_in_a_later_folder_stops_apply_before_an_earlier_folder_is_written()
    {
        sandbox.Write("b/Dockerfile", Naive);
        Directory.CreateDirectory(sandbox.PathOf("b/.dockerignore"));

        AssertNothingWritten("b/.dockerignore: not a regular file (directory); nothing written\n", "rewrite", ".", "--apply");
    }

    [Fact]
    public void Two_Dockerfiles_in_one_folder_share_one_new_dockerignore_and_both_are_written()
    {
        sandbox.Write("api.Dockerfile", Naive);

        var result = sandbox.Run("rewrite", ".", "--apply");

        Assert.Equal(0, result.ExitCode);
        Assert.EndsWith("wrote Dockerfile\nwrote .dockerignore\nwrote api.Dockerfile\n", result.Error, StringComparison.Ordinal);
        Assert.Equal(Rewritten, sandbox.Read("Dockerfile"));
        Assert.Equal(Rewritten, sandbox.Read("api.Dockerfile"));
        Assert.Equal(".git\n", sandbox.Read(".dockerignore"));
    }

    [Theory]
    [InlineData("Dockerfile", "./Dockerfile")]
    [InlineData("Dockerfile", ".")]
    [InlineData("Dockerfile", "link.Dockerfile")]
    public void The_same_file_named_twice_is_rewritten_once(string first, string second)
    {
        sandbox.Symlink("link.Dockerfile", "Dockerfile");

        var result = sandbox.Run("rewrite", first, second, "--apply");

        Assert.Equal(0, result.ExitCode);
        Assert.EndsWith("wrote Dockerfile\nwrote .dockerignore\n", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Split('\n'), line => line.StartsWith("Dockerfile: ", StringComparison.Ordinal));
        Assert.Equal(Rewritten, sandbox.Read("Dockerfile"));
    }

    [Fact]
    public void A_symbolic_link_loop_in_a_searched_folder_ends_and_counts_each_Dockerfile_once()
    {
        sandbox.Write("services/api/Dockerfile", Naive);
        sandbox.Symlink("services/api/loop", "..");
        sandbox.Symlink("services/self", ".");

        var result = sandbox.Run("lint", ".", "--format", "json");

        Assert.Equal(1, result.ExitCode);
        using var report = JsonDocument.Parse(result.Out);
        Assert.Equal(["Dockerfile", "services/api/Dockerfile"], report.RootElement.GetProperty("files").EnumerateArray().Select(static f => f.GetString()));
    }

    [Fact]
    public void A_symbolic_link_to_a_Dockerfile_is_written_through_and_stays_a_link()
    {
        File.Move(sandbox.PathOf("Dockerfile"), sandbox.PathOf("base.Dockerfile"));
        sandbox.Symlink("Dockerfile", "base.Dockerfile");

        var result = sandbox.Run("rewrite", "--apply");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("base.Dockerfile", new FileInfo(sandbox.PathOf("Dockerfile")).LinkTarget);
        Assert.Equal(Rewritten, sandbox.Read("base.Dockerfile"));
        Assert.Equal([".dockerignore", "Dockerfile", "base.Dockerfile"], Directory.EnumerateFileSystemEntries(sandbox.Directory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_read_only_Dockerfile_is_refused_and_nothing_is_written()
    {
        File.SetUnixFileMode(sandbox.PathOf("Dockerfile"), UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        AssertNothingWritten("Dockerfile: read-only file; nothing written (--force replaces it and keeps its mode)\n", "rewrite", "--apply");
    }

    [Fact]
    public void A_read_only_Dockerfile_is_replaced_with_force_and_keeps_its_mode()
    {
        const UnixFileMode readOnly = UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        File.SetUnixFileMode(sandbox.PathOf("Dockerfile"), readOnly);

        var result = sandbox.Run("rewrite", "--apply", "--force");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Rewritten, sandbox.Read("Dockerfile"));
        Assert.Equal(readOnly, File.GetUnixFileMode(sandbox.PathOf("Dockerfile")));
    }

    private void AssertNothingWritten(string expectedError, params string[] command)
    {
        var before = sandbox.State();

        var result = sandbox.Run(command);

        Assert.Equal(expectedError, result.Error);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(before, sandbox.State());
        Assert.DoesNotContain(Directory.EnumerateFiles(sandbox.Directory, "*", SearchOption.AllDirectories), static path => path.EndsWith(".tmp", StringComparison.Ordinal));
    }
}