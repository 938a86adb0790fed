using DockerOpt.Engine.Engines;
using DockerOpt.Engine.Tests.Images;

namespace DockerOpt.Engine.Tests.Engines;

/// <summary>
/// How `save` output is read. The fake client stands in only for the shape of the stream; the real engines are
/// read in ImageArchiveReaderEngineTests.
/// </summary>
public sealed class ImageSaveStreamTests
{
    [Fact]
    public async Task A_save_that_writes_more_after_the_end_of_the_archive_is_read_to_the_end_not_cut_off_with_SIGPIPE()
    {
        // docker writes the closing zero blocks (and may pad) after the last entry; the tar reader stops at the first
        // one. One MiB of trailing zeros is far more than a pipe holds, so a reader that closes the pipe as soon as it
        // has the image kills the writer (exit 141) every time, not only when the scheduler is unlucky.
        using var context = new TempDirectory();
        using (var archive = SyntheticArchive.DockerArchive(
            SyntheticArchive.Layer(("etc/motd", "welcome\n")),
            SyntheticArchive.Layer(("app/", null))))
        {
            File.WriteAllBytes(Path.Combine(context.Path, "image.tar"), archive.ToArray());
        }

        using var fake = new FakeEngine($"""
            if [ "$1" = save ]; then cat '{Path.Combine(context.Path, "image.tar")}' && head -c 1048576 /dev/zero; fi
            """);
        var engine = new ContainerEngine(new EngineOptions(Executable: fake.ExecutablePath));

        var image = await engine.ReadImageAsync("app:1");

        Assert.Equal(3, image.Layers.Length);
        Assert.Equal(["save", "app:1"], fake.Calls().Single());
    }
}