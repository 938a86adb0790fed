using System.Text;

using DockerOpt.Cli.CommandLine;
using DockerOpt.Cli.Output;
using DockerOpt.Cli.Tests.Support;

namespace DockerOpt.Cli.Tests;

public sealed class AtomicFileWriterTests : IDisposable
{
    private readonly CliSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    [Fact]
    public void The_new_text_replaces_the_file_by_rename_so_a_reader_never_sees_a_half_written_file()
    {
        // Kill-safety by construction: the old file is never opened for writing. A reader holding it open keeps
        // reading the complete old bytes, and the path switches to a different, complete file in one rename.
        sandbox.Write("Dockerfile", "FROM old\n");
        var path = sandbox.PathOf("Dockerfile");
        using var reader = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);

        AtomicFileWriter.Write(path, "FROM new\n", Encoding.UTF8.GetBytes("FROM old\n"));

        using var oldContent = new StreamReader(reader);
        Assert.Equal("FROM old\n", oldContent.ReadToEnd());
        Assert.Equal("FROM new\n", File.ReadAllText(path));
        Assert.Equal(["Dockerfile"], Directory.EnumerateFiles(sandbox.Directory).Select(Path.GetFileName));
    }

    [Fact]
    public void A_file_changed_since_it_was_read_is_not_overwritten()
    {
        sandbox.Write("Dockerfile", "FROM edited-by-someone-else\n");

        var error = Assert.Throws<UserInputException>(() =>
            AtomicFileWriter.Write(sandbox.PathOf("Dockerfile"), "FROM new\n", Encoding.UTF8.GetBytes("FROM old\n")));

        Assert.EndsWith("Dockerfile: changed on disk since it was read; nothing written (run again)", error.Message, StringComparison.Ordinal);
        Assert.Equal("FROM edited-by-someone-else\n", sandbox.Read("Dockerfile"));
        Assert.Single(Directory.EnumerateFiles(sandbox.Directory));
    }

    [Fact]
    public void A_file_that_appeared_since_dockeropt_looked_is_not_overwritten()
    {
        sandbox.Write(".dockerignore", "mine\n");

        Assert.Throws<UserInputException>(() => AtomicFileWriter.Write(sandbox.PathOf(".dockerignore"), ".git\n", expectedCurrent: null));

        Assert.Equal("mine\n", sandbox.Read(".dockerignore"));
    }

    [Fact]
    public void A_failed_write_leaves_no_temp_file_behind()
    {
        var directory = sandbox.PathOf("blocked");
        Directory.CreateDirectory(directory);
        var target = Path.Combine(directory, "Dockerfile");
        Directory.CreateDirectory(target); // a directory where the file should go: the final rename must fail

        Assert.ThrowsAny<Exception>(() => AtomicFileWriter.Write(target, "FROM new\n", expectedCurrent: null));

        Assert.Empty(Directory.EnumerateFiles(directory));
    }
}