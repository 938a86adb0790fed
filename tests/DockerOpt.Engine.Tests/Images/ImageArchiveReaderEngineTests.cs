using DockerOpt.Engine.Engines;
using DockerOpt.Engine.Errors;
using DockerOpt.TestKit;

namespace DockerOpt.Engine.Tests.Images;

[Trait("Category", "Engine")]
public sealed class ImageArchiveReaderEngineTests
{
    [EngineFact]
    public async Task Reading_an_image_the_engine_does_not_have_says_so_rather_than_failing_obscurely()
    {
        var engine = new ContainerEngine(new EngineOptions());
        var missing = "dockeropt-test/never-built-" + Guid.NewGuid().ToString("N")[..10] + ":none";

        var error = await Assert.ThrowsAsync<ImageNotFoundException>(() => engine.ReadImageAsync(missing));

        Assert.StartsWith($"{missing}: no such image in the local docker engine", error.Message, StringComparison.Ordinal);
    }

    [EngineFact]
    public async Task I_can_read_layers_sizes_history_and_config_from_docker_save()
    {
        await using var image = await TestImage.BuildAsync("""
            FROM debian:bookworm-slim
            RUN head -c 300000 /dev/zero > /zeros.bin
            ENV GREETING=hello
            WORKDIR /srv
            CMD ["cat", "/zeros.bin"]
            """);

        var archive = await image.Engine.ReadImageAsync(image.Tag);

        var base_ = await image.Engine.ReadImageAsync("debian:bookworm-slim");
        Assert.True(archive.Layers.Length > base_.Layers.Length);
        var zeros = archive.Layers.SelectMany(static layer => layer.Entries).Single(static entry => entry.Path == "/zeros.bin");
        Assert.Equal(300_000, zeros.Size);
        // 300 kB of zeros compress to almost nothing, the tar around them is at least as large.
        var layer = archive.Layers.Single(layer => layer.Entries.Contains(zeros));
        Assert.True(layer.UncompressedSize >= 300_000);
        Assert.True(layer.CompressedSize < 10_000, $"compressed {layer.CompressedSize}");
        Assert.Contains("head -c 300000", archive.LayerInstructions()[archive.Layers.IndexOf(layer)], StringComparison.Ordinal);
        Assert.Equal(["cat", "/zeros.bin"], archive.Config.Cmd!.Value.ToArray());
        Assert.Contains("GREETING=hello", archive.Config.Env);
        Assert.Equal("/srv", archive.Config.WorkingDir);
    }
}