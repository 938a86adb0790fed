using DockerOpt.Engine.Analysis;
using DockerOpt.Engine.Budget;
using DockerOpt.TestKit;

namespace DockerOpt.Engine.Tests.Analysis;

[Trait("Category", "Engine")]
public sealed class ImageAnalysisEngineTests
{
    private const int OneMegabyte = 1 << 20;

    [EngineFact]
    public async Task Inspect_finds_exactly_the_megabyte_written_in_one_layer_and_deleted_in_the_next()
    {
        await using var image = await TestImage.BuildAsync($"""
            FROM debian:bookworm-slim
            RUN head -c {OneMegabyte} /dev/urandom > /big.bin
            RUN rm /big.bin
            """);

        var analysis = ImageAnalyzer.Analyze(image.Tag, await image.Engine.ReadImageAsync(image.Tag));

        Assert.Equal(OneMegabyte, analysis.WastedBytes);
        var waste = Assert.Single(analysis.Efficiency.Inefficiencies);
        Assert.Equal("/big.bin", waste.Path);
        Assert.True(analysis.Efficiency.Score < 1.0);
        Assert.DoesNotContain(analysis.LargestFiles, static file => file.Path == "/big.bin");
        var writer = analysis.Layers[waste.Layers[0]];
        Assert.Contains("head -c", writer.Instruction, StringComparison.Ordinal);
        Assert.True(writer.UncompressedSize > OneMegabyte);
        // Random bytes do not compress: the registry stores about as much as was written.
        Assert.True(writer.CompressedSize > OneMegabyte * 0.95, $"compressed {writer.CompressedSize}");
        Assert.Contains("rm /big.bin", analysis.Layers[waste.Layers[1]].Instruction, StringComparison.Ordinal);
    }

    [EngineFact]
    public async Task Inspect_names_apt_lists_and_pycache_left_in_the_final_image()
    {
        await using var image = await TestImage.BuildAsync("""
            FROM debian:bookworm-slim
            RUN mkdir -p /var/lib/apt/lists /app/__pycache__ \
             && head -c 40000 /dev/urandom > /var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_InRelease \
             && head -c 3000 /dev/urandom > /app/__pycache__/main.cpython-311.pyc
            """);

        var analysis = ImageAnalyzer.Analyze(image.Tag, await image.Engine.ReadImageAsync(image.Tag));

        var aptLists = Assert.Single(analysis.Findings, static finding => finding.Rule.Id == "apt-lists");
        Assert.Equal(40_000, aptLists.Bytes);
        Assert.Equal("/var/lib/apt/lists", aptLists.Roots[0].Path);
        var pycache = Assert.Single(analysis.Findings, static finding => finding.Rule.Id == "pycache");
        Assert.Equal(3_000, pycache.Bytes);
        Assert.Equal("/app/__pycache__", pycache.Roots[0].Path);
    }

    [EngineFact]
    public async Task A_real_image_is_over_a_small_budget_and_under_a_large_one()
    {
        await using var image = await TestImage.BuildAsync($"""
            FROM debian:bookworm-slim
            RUN head -c {OneMegabyte} /dev/urandom > /big.bin && rm -f /nothing
            RUN rm /big.bin
            """);
        var analysis = ImageAnalyzer.Analyze(image.Tag, await image.Engine.ReadImageAsync(image.Tag));

        var tooSmall = new SizeBudget(MaxSize: ByteSize.Parse("10MB")).Check(analysis);
        var roomy = new SizeBudget(MaxSize: ByteSize.Parse("2GB"), MaxWasted: ByteSize.Parse("2MB"), MinEfficiency: 0.5).Check(analysis);
        var wasteful = new SizeBudget(MaxSize: ByteSize.Parse("2GB"), MaxWasted: ByteSize.Parse("512KiB")).Check(analysis);

        Assert.False(tooSmall.WithinBudget);
        Assert.Contains("over the 10.0 MB budget", tooSmall.Reason, StringComparison.Ordinal);
        Assert.True(roomy.WithinBudget, roomy.Reason);
        Assert.False(wasteful.WithinBudget);
        Assert.Contains("wastes 1.0 MB", wasteful.Reason, StringComparison.Ordinal);
    }
}