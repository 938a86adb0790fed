using DockerOpt.Engine.Analysis;
using DockerOpt.Engine.Images;

namespace DockerOpt.Engine.Tests.Analysis;

public sealed class ImageAnalyzerTests
{
    private static ImageArchive Archive(params ImageLayer[] layers) =>
        new([.. layers], [.. layers.Select(static (_, i) => new HistoryEntry($"RUN step {i}", false))], ImageConfig.Empty);

    private static ImageLayer Layer(params LayerFileEntry[] entries) => new("layer", 100, 10, [.. entries]);

    private static LayerFileEntry File(string path, long size) => new(path, size, FileEntryKind.File);

    [Fact]
    public void An_opaque_directory_hides_what_lower_layers_put_in_it()
    {
        var analysis = ImageAnalyzer.Analyze("x", Archive(
            Layer(File("/usr/share/doc/a/copyright", 500), File("/usr/bin/tool", 100)),
            Layer(new LayerFileEntry("/usr/share/doc", 0, FileEntryKind.Directory, IsOpaqueDirectory: true), File("/usr/share/doc/README", 7))));

        Assert.Equal(["/usr/bin/tool", "/usr/share/doc/README"], analysis.LargestFiles.Select(static file => file.Path).ToArray());
        Assert.Contains(new PathSize("/usr/share/doc", 7), analysis.LargestDirectories);
    }

    [Fact]
    public void Largest_files_and_directories_come_from_the_final_filesystem_largest_first()
    {
        var analysis = ImageAnalyzer.Analyze("x", Archive(
            Layer(File("/opt/big", 900), File("/opt/small", 100), File("/srv/mid", 500)),
            Layer(new LayerFileEntry("/opt/big", 0, FileEntryKind.File, IsWhiteout: true))));

        Assert.Equal([new PathSize("/srv/mid", 500), new PathSize("/opt/small", 100)], analysis.LargestFiles.ToArray());
        Assert.Equal([new PathSize("/srv", 500), new PathSize("/opt", 100)], analysis.LargestDirectories.ToArray());
        Assert.Equal(["RUN step 0", "RUN step 1"], analysis.Layers.Select(static layer => layer.Instruction).ToArray());
        Assert.Equal(200, analysis.UncompressedSize);
    }

    [Fact]
    public void Bloat_is_named_with_its_size_and_largest_places()
    {
        var findings = ImageAnalyzer.FindBloat(
        [
            ("/var/lib/apt/lists/deb.debian.org_dists_InRelease", 1000L),
            ("/var/lib/apt/lists/lock", 0L),
            ("/root/.cache/pip/http/ab/cd", 300L),
            ("/usr/lib/python3/dist-packages/yaml/__pycache__/a.cpython-311.pyc", 40L),
            ("/usr/local/lib/python3.12/site-packages/numpy/tests/test_a.py", 70L),
            ("/usr/local/lib/python3.12/site-packages/numpy/core/tests/test_b.py", 30L),
            ("/usr/lib/gcc/x86_64-linux-gnu/12/cc1", 5000L),
            ("/usr/lib/go-1.19/bin/go", 4000L),
            ("/src/.git/objects/pack/p.pack", 800L),
            ("/var/cache/apt/archives/lock", 0L),
            ("/app/main.py", 10L),
        ]);

        Assert.Equal(
            ["toolchain-gcc", "toolchain-go", "apt-lists", "git-metadata", "pip-cache", "site-packages-tests", "pycache"],
            findings.Select(static finding => finding.Rule.Id).ToArray());
        var tests = findings.Single(static finding => finding.Rule.Id == "site-packages-tests");
        Assert.Equal(100, tests.Bytes);
        Assert.Equal(2, tests.FileCount);
        Assert.Equal("/usr/local/lib/python3.12/site-packages/numpy/tests", tests.Roots[0].Path);
        Assert.Equal("/usr/lib/go-1.19", findings.Single(static finding => finding.Rule.Id == "toolchain-go").Roots[0].Path);
        Assert.Equal("/src/.git", findings.Single(static finding => finding.Rule.Id == "git-metadata").Roots[0].Path);
    }
}