using System.Collections.Immutable;
using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;

namespace DockerOpt.Engine.Images;

/// <summary>
/// Reads the tar that <c>docker save</c> / <c>podman save</c> writes, as a stream in one pass: nothing is
/// extracted to disk. Understands both the classic docker-archive (<c>manifest.json</c> naming
/// <c>ID/layer.tar</c> files, possibly symlinked) and the OCI image layout Docker 25+ writes
/// (<c>index.json</c> and <c>blobs/sha256/…</c>). The archive's order is not known in advance (the
/// manifest often comes last), so every blob is recognised by its first bytes: a tar or gzip blob is a
/// layer and is scanned as it streams past; a small JSON blob is kept for the end.
/// </summary>
public static class ImageArchiveReader
{
    private const int TarBlockSize = 512;
    private const long MaxDocumentSize = 64L * 1024 * 1024;

    public static async Task<ImageArchive> ReadAsync(Stream archive, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(archive);
        var layers = new Dictionary<string, ImageLayer>(StringComparer.Ordinal);
        var documents = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var links = new Dictionary<string, string>(StringComparer.Ordinal);

        using var reader = new TarReader(archive, leaveOpen: true);
        while (await reader.GetNextEntryAsync(copyData: false, cancellationToken).ConfigureAwait(false) is { } entry)
        {
            var name = CleanName(entry.Name);
            if (entry.EntryType == TarEntryType.SymbolicLink)
            {
                // Older docker-archives store a repeated layer once and link the other ID/layer.tar to it.
                links[name] = ResolveLink(name, entry.LinkName);
                continue;
            }

            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.DataStream is not { } data)
            {
                continue;
            }

            var head = new byte[TarBlockSize];
            var headLength = await data.ReadAtLeastAsync(head, TarBlockSize, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            var peeked = head.AsMemory(0, headLength);
            switch (Recognise(peeked.Span, name, entry.Length))
            {
                case BlobKind.Tar:
                    layers[name] = await ScanTarLayerAsync(name, data, peeked, cancellationToken).ConfigureAwait(false);
                    break;
                case BlobKind.Gzip:
                    layers[name] = await ScanGzipLayerAsync(name, data, peeked, cancellationToken).ConfigureAwait(false);
                    break;
                case BlobKind.Zstd:
                    throw new InvalidDataException($"{name}: zstd-compressed layers are not supported; save the image with gzip or uncompressed layers");
                case BlobKind.Json:
                    using (var buffer = new MemoryStream())
                    {
                        await buffer.WriteAsync(peeked, cancellationToken).ConfigureAwait(false);
                        await data.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
                        documents[name] = buffer.ToArray();
                    }

                    break;
                case BlobKind.Other:
                default:
                    break;
            }
        }

        var (configName, layerNames) = FindManifest(documents);
        if (!documents.TryGetValue(configName, out var configBytes))
        {
            throw new InvalidDataException($"the image archive names config {configName} but does not contain it");
        }

        var orderedLayers = ImmutableArray.CreateBuilder<ImageLayer>(layerNames.Count);
        foreach (var layerName in layerNames)
        {
            var resolved = links.TryGetValue(layerName, out var target) ? target : layerName;
            if (!layers.TryGetValue(resolved, out var layer))
            {
                throw new InvalidDataException($"the image archive names layer {layerName} but does not contain it");
            }

            orderedLayers.Add(layer);
        }

        var (config, history) = ReadConfig(configBytes);
        return new ImageArchive(orderedLayers.MoveToImmutable(), history, config);
    }

    private static async Task<ImageLayer> ScanTarLayerAsync(string name, Stream data, ReadOnlyMemory<byte> peeked, CancellationToken cancellationToken)
    {
        var compressedCounter = new CountingStream();
        ImmutableArray<LayerFileEntry> entries;
        long uncompressed;
        var gzip = new GZipStream(compressedCounter, CompressionLevel.Optimal, leaveOpen: true);
        await using (gzip.ConfigureAwait(false))
        {
            var through = new ReadThroughStream(data, peeked, gzip);
            entries = await ListEntriesAsync(through, cancellationToken).ConfigureAwait(false);
            await through.DrainAsync(cancellationToken).ConfigureAwait(false);
            uncompressed = through.BytesRead;
        }

        return new ImageLayer(name, uncompressed, compressedCounter.Count, entries);
    }

    // Some stores (containerd) keep layers gzip-compressed: then the blob itself is the pull size.
    private static async Task<ImageLayer> ScanGzipLayerAsync(string name, Stream data, ReadOnlyMemory<byte> peeked, CancellationToken cancellationToken)
    {
        var compressed = new ReadThroughStream(data, peeked, observer: null);
        var gunzip = new GZipStream(compressed, CompressionMode.Decompress, leaveOpen: true);
        await using (gunzip.ConfigureAwait(false))
        {
            var uncompressed = new ReadThroughStream(gunzip, ReadOnlyMemory<byte>.Empty, observer: null);
            var entries = await ListEntriesAsync(uncompressed, cancellationToken).ConfigureAwait(false);
            await uncompressed.DrainAsync(cancellationToken).ConfigureAwait(false);
            await compressed.DrainAsync(cancellationToken).ConfigureAwait(false);
            return new ImageLayer(name, uncompressed.BytesRead, compressed.BytesRead, entries);
        }
    }

    private static async Task<ImmutableArray<LayerFileEntry>> ListEntriesAsync(Stream layerTar, CancellationToken cancellationToken)
    {
        var entries = ImmutableArray.CreateBuilder<LayerFileEntry>();
        using var reader = new TarReader(layerTar, leaveOpen: true);
        while (await reader.GetNextEntryAsync(copyData: false, cancellationToken).ConfigureAwait(false) is { } entry)
        {
            var kind = entry.EntryType switch
            {
                TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile => FileEntryKind.File,
                TarEntryType.Directory => FileEntryKind.Directory,
                TarEntryType.SymbolicLink => FileEntryKind.Symlink,
                TarEntryType.HardLink => FileEntryKind.HardLink,
                TarEntryType.GlobalExtendedAttributes => (FileEntryKind?)null,
                _ => FileEntryKind.Other,
            };
            if (kind is { } known && LayerFileEntry.FromTarName(entry.Name, entry.Length, known) is { } layerEntry)
            {
                entries.Add(layerEntry);
            }
        }

        return entries.ToImmutable();
    }

    private static (string Config, IReadOnlyList<string> Layers) FindManifest(Dictionary<string, byte[]> documents)
    {
        if (documents.TryGetValue("manifest.json", out var manifestBytes))
        {
            using var manifest = JsonDocument.Parse(manifestBytes);
            var first = manifest.RootElement.EnumerateArray().FirstOrDefault();
            if (first.ValueKind == JsonValueKind.Object
                && first.TryGetProperty("Config", out var config)
                && first.TryGetProperty("Layers", out var layers))
            {
                return (CleanName(config.GetString() ?? ""), [.. layers.EnumerateArray().Select(static layer => CleanName(layer.GetString() ?? ""))]);
            }
        }

        if (documents.TryGetValue("index.json", out var indexBytes))
        {
            return FromOciIndex(documents, indexBytes, depth: 0);
        }

        throw new InvalidDataException("not an image archive: neither manifest.json nor index.json was found");
    }

    private static (string Config, IReadOnlyList<string> Layers) FromOciIndex(Dictionary<string, byte[]> documents, byte[] indexBytes, int depth)
    {
        using var index = JsonDocument.Parse(indexBytes);
        var root = index.RootElement;
        if (root.TryGetProperty("layers", out var layers) && root.TryGetProperty("config", out var config))
        {
            return (BlobPath(config), [.. layers.EnumerateArray().Select(BlobPath)]);
        }

        if (depth < 4 && root.TryGetProperty("manifests", out var manifests))
        {
            // An index may list attestations (platform unknown/unknown) next to the image itself.
            var candidate = manifests.EnumerateArray()
                .Where(manifest => documents.ContainsKey(BlobPath(manifest)))
                .OrderBy(static manifest => IsAttestation(manifest) ? 1 : 0)
                .FirstOrDefault();
            if (candidate.ValueKind == JsonValueKind.Object)
            {
                return FromOciIndex(documents, documents[BlobPath(candidate)], depth + 1);
            }
        }

        throw new InvalidDataException("the image archive's index.json leads to no image manifest");
    }

    private static bool IsAttestation(JsonElement descriptor) =>
        descriptor.TryGetProperty("platform", out var platform)
        && platform.TryGetProperty("os", out var os)
        && os.GetString() == "unknown";

    private static string BlobPath(JsonElement descriptor)
    {
        var digest = descriptor.GetProperty("digest").GetString() ?? "";
        var colon = digest.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? digest : $"blobs/{digest[..colon]}/{digest[(colon + 1)..]}";
    }

    private static (ImageConfig Config, ImmutableArray<HistoryEntry> History) ReadConfig(byte[] configBytes)
    {
        using var document = JsonDocument.Parse(configBytes);
        var root = document.RootElement;
        var config = root.TryGetProperty("config", out var runtime) ? ImageConfig.FromJson(runtime) : ImageConfig.Empty;
        var history = root.TryGetProperty("history", out var entries) && entries.ValueKind == JsonValueKind.Array
            ? [.. entries.EnumerateArray().Select(static entry => new HistoryEntry(
                Describe(entry),
                entry.TryGetProperty("empty_layer", out var empty) && empty.ValueKind == JsonValueKind.True))]
            : ImmutableArray<HistoryEntry>.Empty;
        return (config, history);
    }

    // An imported base (docker import) records no instruction, only a comment such as "Imported from -".
    private static string Describe(JsonElement historyEntry)
    {
        var createdBy = historyEntry.TryGetProperty("created_by", out var value) ? value.GetString() ?? "" : "";
        if (createdBy.Length == 0 && historyEntry.TryGetProperty("comment", out var comment))
        {
            createdBy = comment.GetString() ?? "";
        }

        return HistoryEntry.Tidy(createdBy);
    }

    private static BlobKind Recognise(ReadOnlySpan<byte> head, string name, long length)
    {
        if (head.Length >= 2 && head[0] == 0x1f && head[1] == 0x8b)
        {
            return BlobKind.Gzip;
        }

        if (head.Length >= 4 && head[0] == 0x28 && head[1] == 0xb5 && head[2] == 0x2f && head[3] == 0xfd)
        {
            return BlobKind.Zstd;
        }

        // A tar header has "ustar" at offset 257 (POSIX and GNU alike); an empty layer is only zero blocks.
        if (head.Length == TarBlockSize && (head.Slice(257, 5).SequenceEqual("ustar"u8) || !head.ContainsAnyExcept((byte)0)))
        {
            return BlobKind.Tar;
        }

        var first = head.TrimStart(" \t\r\n"u8);
        return length <= MaxDocumentSize && (name.EndsWith(".json", StringComparison.Ordinal) || (!first.IsEmpty && first[0] is (byte)'{' or (byte)'['))
            ? BlobKind.Json
            : BlobKind.Other;
    }

    private static string CleanName(string name) => LayerFileEntry.Normalize(name)[1..];

    private static string ResolveLink(string name, string linkName)
    {
        var directory = Path.GetDirectoryName(name)?.Replace('\\', '/') ?? "";
        var parts = new List<string>();
        foreach (var part in (directory.Length == 0 ? linkName : directory + "/" + linkName).Split('/'))
        {
            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (part is not ("." or ""))
            {
                parts.Add(part);
            }
        }

        return string.Join('/', parts);
    }

    private enum BlobKind
    {
        Other,
        Tar,
        Gzip,
        Zstd,
        Json,
    }
}