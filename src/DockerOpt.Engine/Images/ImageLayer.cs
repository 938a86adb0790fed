using System.Collections.Immutable;

namespace DockerOpt.Engine.Images;

/// <summary>
/// One filesystem layer of an image, measured from its blob.
/// </summary>
/// <param name="Digest">The blob's name in the archive (its digest in the OCI layout).</param>
/// <param name="UncompressedSize">Bytes of the layer tar: what it takes unpacked on disk, give or take the filesystem.</param>
/// <param name="CompressedSize">Bytes after gzip at the default level: what a registry push stores and a pull downloads.</param>
/// <param name="Entries">Every entry of the tar, whiteouts and opaque markers included, in tar order.</param>
public sealed record ImageLayer(string Digest, long UncompressedSize, long CompressedSize, ImmutableArray<LayerFileEntry> Entries)
{
    /// <summary>The sum of the file sizes the tar headers state (how dive sizes a layer).</summary>
    public long ContentSize { get; } = Entries.Sum(static entry => entry.Size);
}