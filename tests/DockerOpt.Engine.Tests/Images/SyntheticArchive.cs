using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace DockerOpt.Engine.Tests.Images;

/// <summary>
/// Writes small image archives in the two layouts `docker save` produces, from layers described as
/// (path, content) pairs, so the reader can be tested on shapes a local engine does not produce
/// (classic docker-archive with symlinked layers, gzip-compressed blobs).
/// </summary>
public static class SyntheticArchive
{
    /// <summary>A layer tar: entries ending in '/' are directories, null content marks a whiteout or opaque marker file.</summary>
    public static byte[] Layer(params (string Path, string? Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var writer = new TarWriter(buffer, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var (path, content) in entries)
            {
                if (path.EndsWith('/'))
                {
                    writer.WriteEntry(new PaxTarEntry(TarEntryType.Directory, path));
                    continue;
                }

                var entry = new PaxTarEntry(TarEntryType.RegularFile, path);
                if (content is not null)
                {
                    entry.DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content));
                }

                writer.WriteEntry(entry);
            }
        }

        return buffer.ToArray();
    }

    public const string Config = """
        {"config":{"Cmd":["app"],"ExposedPorts":{"8080/tcp":{}},"User":"app"},
         "history":[{"created_by":"ADD rootfs.tar / # buildkit"},{"created_by":"ENV A=b","empty_layer":true},{"created_by":"RUN /bin/sh -c make # buildkit"},{"created_by":"COPY . . # buildkit"}]}
        """;

    /// <summary>The classic docker-archive: ID/layer.tar files, the third layer a symlink to the first.</summary>
    public static MemoryStream DockerArchive(byte[] first, byte[] second)
    {
        var output = new MemoryStream();
        using (var writer = new TarWriter(output, TarEntryFormat.Ustar, leaveOpen: true))
        {
            Add(writer, "aaa/layer.tar", first);
            Add(writer, "bbb/layer.tar", second);
            writer.WriteEntry(new UstarTarEntry(TarEntryType.SymbolicLink, "ccc/layer.tar") { LinkName = "../aaa/layer.tar" });
            Add(writer, "cfg.json", Encoding.UTF8.GetBytes(Config));
            Add(writer, "manifest.json", Encoding.UTF8.GetBytes("""[{"Config":"cfg.json","RepoTags":["x:1"],"Layers":["aaa/layer.tar","bbb/layer.tar","ccc/layer.tar"]}]"""));
        }

        output.Position = 0;
        return output;
    }

    /// <summary>The OCI layout with gzip-compressed layer blobs, reached through a nested index (as the containerd store writes it).</summary>
    public static MemoryStream OciLayoutWithGzipBlobs(byte[] first, byte[] second)
    {
        var output = new MemoryStream();
        using (var writer = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true))
        {
            Add(writer, "blobs/sha256/l1", Gzip(first));
            Add(writer, "blobs/sha256/l2", Gzip(second));
            Add(writer, "blobs/sha256/cfg", Encoding.UTF8.GetBytes(Config));
            Add(writer, "blobs/sha256/man", Encoding.UTF8.GetBytes("""{"config":{"digest":"sha256:cfg"},"layers":[{"digest":"sha256:l1"},{"digest":"sha256:l2"}]}"""));
            Add(writer, "blobs/sha256/att", Encoding.UTF8.GetBytes("""{"config":{"digest":"sha256:cfg"},"layers":[]}"""));
            Add(writer, "blobs/sha256/idx", Encoding.UTF8.GetBytes("""{"manifests":[{"digest":"sha256:att","platform":{"os":"unknown","architecture":"unknown"}},{"digest":"sha256:man","platform":{"os":"linux","architecture":"amd64"}}]}"""));
            Add(writer, "index.json", Encoding.UTF8.GetBytes("""{"manifests":[{"digest":"sha256:idx"}]}"""));
            Add(writer, "oci-layout", Encoding.UTF8.GetBytes("""{"imageLayoutVersion":"1.0.0"}"""));
        }

        output.Position = 0;
        return output;
    }

    public static byte[] Gzip(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return buffer.ToArray();
    }

    private static void Add(TarWriter writer, string name, byte[] content)
    {
        var entry = new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(content) };
        writer.WriteEntry(entry);
    }
}