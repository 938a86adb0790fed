using System.Diagnostics;

namespace DockerOpt.Syntax.Tests;

/// <summary>
/// dockeropt reads only regular files: it tells a FIFO, a device and a directory from a file by asking stat(2), and
/// refuses them without opening them (opening a FIFO for reading waits for a writer).
/// </summary>
public sealed class RegularFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("dockeropt-regular-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Each_kind_of_file_is_told_apart_and_links_are_followed()
    {
        string file = Path.Combine(_directory, "Dockerfile");
        File.WriteAllText(file, "FROM scratch\n");
        string fifo = MakeFifo("pipe");
        File.CreateSymbolicLink(Path.Combine(_directory, "link-to-file"), file);
        File.CreateSymbolicLink(Path.Combine(_directory, "link-to-fifo"), fifo);
        File.CreateSymbolicLink(Path.Combine(_directory, "dangling"), Path.Combine(_directory, "nothing"));

        Assert.Equal(FileKind.Regular, RegularFile.KindOf(file));
        Assert.Equal(FileKind.Fifo, RegularFile.KindOf(fifo));
        Assert.Equal(FileKind.Directory, RegularFile.KindOf(_directory));
        Assert.Equal(FileKind.CharacterDevice, RegularFile.KindOf("/dev/null"));
        Assert.Equal(FileKind.Regular, RegularFile.KindOf(Path.Combine(_directory, "link-to-file")));
        Assert.Equal(FileKind.Fifo, RegularFile.KindOf(Path.Combine(_directory, "link-to-fifo")));
        Assert.Equal(FileKind.Missing, RegularFile.KindOf(Path.Combine(_directory, "dangling")));
        Assert.Equal(FileKind.Missing, RegularFile.KindOf(Path.Combine(_directory, "nothing")));
    }

    [Fact]
    public void A_FIFO_is_refused_by_name_without_being_opened()
    {
        string fifo = MakeFifo("Dockerfile");

        // Were it opened, this would wait for a writer forever instead of throwing.
        NotARegularFileException refused = Assert.Throws<NotARegularFileException>(() => RegularFile.ReadAllBytes(fifo));

        Assert.Equal("not a regular file (fifo)", refused.Message);
        Assert.Equal(FileKind.Fifo, refused.Kind);
    }

    [Fact]
    public void A_FIFO_loads_as_a_file_level_diagnostic_naming_it()
    {
        string fifo = MakeFifo("Dockerfile");

        LoadResult result = DockerfileLoader.Load(fifo);

        Diagnostic error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.UnreadableFile, error.Id);
        Assert.Equal($"{fifo}: not a regular file (fifo)", error.ToString());
    }

    [Fact]
    public void A_character_device_that_never_ends_is_refused()
    {
        Assert.Throws<NotARegularFileException>(() => RegularFile.ReadAllBytes("/dev/zero"));
    }

    private string MakeFifo(string name)
    {
        string path = Path.Combine(_directory, name);
        using Process mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
        return path;
    }
}