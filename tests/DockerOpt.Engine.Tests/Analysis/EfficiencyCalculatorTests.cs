using DockerOpt.Engine.Analysis;
using DockerOpt.Engine.Images;

namespace DockerOpt.Engine.Tests.Analysis;

public sealed class EfficiencyCalculatorTests
{
    private static ImageLayer Layer(params LayerFileEntry[] entries) => new("layer", 0, 0, [.. entries]);

    private static LayerFileEntry File(string path, long size) => new(path, size, FileEntryKind.File);

    private static LayerFileEntry Directory(string path) => new(path, 0, FileEntryKind.Directory);

    private static LayerFileEntry Whiteout(string path) => new(path, 0, FileEntryKind.File, IsWhiteout: true);

    [Fact]
    public void Dives_own_example_rewritten_file_plus_deleted_directory()
    {
        // The three layers of dive's efficiency test: nginx.conf written twice, then /etc/nginx deleted.
        var layers = new[]
        {
            Layer(Directory("/etc"), Directory("/etc/nginx"), File("/etc/nginx/nginx.conf", 2000), File("/etc/nginx/public", 3000)),
            Layer(Directory("/etc"), Directory("/etc/nginx"), File("/etc/nginx/nginx.conf", 5000), File("/etc/athing", 10000)),
            Layer(Directory("/etc"), Whiteout("/etc/nginx")),
        };

        var report = EfficiencyCalculator.Calculate(layers);

        // Sightings: nginx.conf 2000 + 5000 (smallest 2000); public 3000; athing 10000; the whiteout of the
        // directory costs what it held below: 5000 + 3000. Score = (2000+3000+10000+8000) / (7000+3000+10000+8000).
        Assert.Equal(23000.0 / 28000.0, report.Score, precision: 10);
        Assert.Equal(7000, report.WastedBytes);
        var waste = Assert.Single(report.Inefficiencies);
        Assert.Equal(new PathInefficiency("/etc/nginx/nginx.conf", 7000, [0, 1]).Path, waste.Path);
        Assert.Equal([0, 1], waste.Layers.ToArray());
    }

    [Fact]
    public void A_file_written_then_deleted_wastes_its_size_once()
    {
        var report = EfficiencyCalculator.Calculate([Layer(File("/big.bin", 1_000_000)), Layer(Whiteout("/big.bin"))]);

        Assert.Equal(1_000_000, report.WastedBytes);
        Assert.Equal(0.0, report.Score);
    }

    [Fact]
    public void An_image_where_no_path_is_touched_twice_is_fully_efficient()
    {
        var report = EfficiencyCalculator.Calculate([Layer(Directory("/app"), File("/app/a", 10)), Layer(File("/app/b", 20))]);

        Assert.Equal(1.0, report.Score);
        Assert.Equal(0, report.WastedBytes);
        Assert.Empty(report.Inefficiencies);
    }

    [Fact]
    public void An_empty_image_scores_one()
    {
        Assert.Equal(1.0, EfficiencyCalculator.Calculate([]).Score);
    }
}