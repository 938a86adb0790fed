using DockerOpt.Engine.Engines;
using DockerOpt.TestKit;

namespace DockerOpt.Engine.Tests.Engines;

/// <summary>
/// The size verify shows is the engine's own figure, the one <c>docker images</c> prints, not the size of the
/// <c>docker save</c> archive; and a build names its image by id, which clean-up relies on.
/// </summary>
[Trait("Category", "Engine")]
public sealed class ImageSizeEngineTests
{
    [EngineFact]
    public async Task The_engine_size_grows_by_the_bytes_a_layer_adds_and_matches_what_docker_images_lists()
    {
        await using var image = await TestImage.BuildAsync("""
            FROM debian:bookworm-slim
            RUN head -c 1000000 /dev/urandom > /random.bin
            """);

        var size = await image.Engine.GetImageSizeAsync(image.Tag);
        var baseSize = await image.Engine.GetImageSizeAsync("debian:bookworm-slim");
        var listed = await DockerOutputAsync("images", "--format", "{{.Size}}", image.Tag);
        var archive = await image.Engine.ReadImageAsync(image.Tag);

        Assert.InRange(size - baseSize, 1_000_000, 1_000_000 + 64 * 1024);
        Assert.Equal(DockerImagesSize(size), listed.Trim());
        // What the save archive's layers add up to is another figure (tar headers and padding included).
        Assert.NotEqual(size, archive.UncompressedSize);
    }

    [EngineFact]
    public async Task A_build_reports_the_id_of_the_image_it_made()
    {
        using var context = new TempDirectory();
        var dockerfile = context.Write("Dockerfile", "FROM debian:bookworm-slim\nRUN echo " + Guid.NewGuid().ToString("N") + " > /id\n");
        var tag = "dockeropt-test/iid-" + Guid.NewGuid().ToString("N")[..10] + ":latest";
        var engine = new ContainerEngine(new EngineOptions());

        try
        {
            var build = await engine.BuildAsync(new BuildRequest(dockerfile, context.Path, tag), TimeSpan.FromMinutes(5));

            Assert.True(build.Succeeded, build.LogTail);
            Assert.StartsWith("sha256:", build.ImageId, StringComparison.Ordinal);
            Assert.Equal((await DockerOutputAsync("image", "inspect", "--format", "{{.Id}}", tag)).Trim(), build.ImageId);
        }
        finally
        {
            await engine.RemoveImageAsync(tag);
        }
    }

    /// <summary>docker images prints sizes in decimal units with three significant digits (go-units HumanSize).</summary>
    private static string DockerImagesSize(long bytes)
    {
        string[] units = ["B", "kB", "MB", "GB", "TB"];
        double value = bytes;
        var unit = 0;
        while (value >= 1000 && unit < units.Length - 1)
        {
            value /= 1000;
            unit++;
        }

        return value.ToString("G3", System.Globalization.CultureInfo.InvariantCulture) + units[unit];
    }

    private static async Task<string> DockerOutputAsync(params string[] arguments)
    {
        var result = await Examples.DockerCli.RunAsync("docker", arguments, Examples.DockerCli.ShortTimeout);
        Assert.True(result.ExitCode == 0, result.StandardError);
        return result.StandardOutput;
    }
}