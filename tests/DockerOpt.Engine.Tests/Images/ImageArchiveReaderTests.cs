using DockerOpt.Engine.Images;

namespace DockerOpt.Engine.Tests.Images;

public sealed class ImageArchiveReaderTests
{
    private static readonly byte[] BaseLayer = SyntheticArchive.Layer(("etc/", null), ("etc/motd", "welcome\n"), ("usr/bin/tool", new string('x', 2000)));
    private static readonly byte[] UpperLayer = SyntheticArchive.Layer(("./etc/", null), ("./etc/.wh.motd", null), ("usr/share/doc/.wh..wh..opq", null), ("app/", null));

    [Fact]
    public async Task I_can_read_a_classic_docker_archive_with_a_layer_stored_once_and_linked_twice()
    {
        var archive = await ImageArchiveReader.ReadAsync(SyntheticArchive.DockerArchive(BaseLayer, UpperLayer));

        Assert.Equal(3, archive.Layers.Length);
        Assert.Same(archive.Layers[0], archive.Layers[2]);
        Assert.Equal(BaseLayer.Length, archive.Layers[0].UncompressedSize);
        Assert.Equal(SyntheticArchive.Gzip(BaseLayer).Length, archive.Layers[0].CompressedSize, tolerance: 64);
        Assert.Equal(2008, archive.Layers[0].ContentSize);
        Assert.Equal(["ADD rootfs.tar /", "RUN /bin/sh -c make", "COPY . ."], archive.LayerInstructions().ToArray());
        Assert.Equal(["app"], archive.Config.Cmd!.Value.ToArray());
        Assert.Equal(["8080/tcp"], archive.Config.ExposedPorts.ToArray());
        Assert.Equal("app", archive.Config.User);
    }

    [Fact]
    public async Task Whiteouts_and_opaque_markers_become_flags_on_the_paths_they_affect()
    {
        var archive = await ImageArchiveReader.ReadAsync(SyntheticArchive.DockerArchive(BaseLayer, UpperLayer));

        var upper = archive.Layers[1].Entries;
        Assert.Contains(new LayerFileEntry("/etc/motd", 0, FileEntryKind.File, IsWhiteout: true), upper);
        Assert.Contains(new LayerFileEntry("/usr/share/doc", 0, FileEntryKind.Directory, IsOpaqueDirectory: true), upper);
        Assert.Contains(new LayerFileEntry("/app", 0, FileEntryKind.Directory), upper);
    }

    [Fact]
    public async Task I_can_read_an_OCI_layout_with_gzip_blobs_behind_a_nested_index_and_skip_the_attestation()
    {
        var archive = await ImageArchiveReader.ReadAsync(SyntheticArchive.OciLayoutWithGzipBlobs(BaseLayer, UpperLayer));

        Assert.Equal(2, archive.Layers.Length);
        Assert.Equal(BaseLayer.Length, archive.Layers[0].UncompressedSize);
        Assert.Equal(SyntheticArchive.Gzip(BaseLayer).Length, archive.Layers[0].CompressedSize);
        Assert.Contains(archive.Layers[0].Entries, static entry => entry is { Path: "/usr/bin/tool", Size: 2000 });
    }

    [Fact]
    public async Task A_tar_that_is_not_an_image_is_refused_with_a_reason()
    {
        using var notAnImage = new MemoryStream(SyntheticArchive.Layer(("hello.txt", "hi")));

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => ImageArchiveReader.ReadAsync(notAnImage));

        Assert.Contains("neither manifest.json nor index.json", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("RUN /bin/sh -c apt-get update # buildkit", "RUN /bin/sh -c apt-get update")]
    [InlineData("/bin/sh -c #(nop)  CMD [\"node\" \"app.js\"]", "CMD [\"node\" \"app.js\"]")]
    [InlineData("COPY  . /app  # buildkit", "COPY . /app")]
    public void History_instructions_are_tidied_for_reading(string createdBy, string expected)
    {
        Assert.Equal(expected, HistoryEntry.Tidy(createdBy));
    }
}