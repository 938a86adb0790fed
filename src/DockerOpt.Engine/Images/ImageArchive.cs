using System.Collections.Immutable;

namespace DockerOpt.Engine.Images;

/// <summary>
/// An image as <c>docker save</c> wrote it: its filesystem layers in order (base first), the config's
/// history and runtime configuration. Every size comes from the image data itself, not from the
/// engine's own listing, whose figure differs between image stores.
/// </summary>
public sealed record ImageArchive(ImmutableArray<ImageLayer> Layers, ImmutableArray<HistoryEntry> History, ImageConfig Config)
{
    /// <summary>The unpacked size: all layer tars.</summary>
    public long UncompressedSize => Layers.Sum(static layer => layer.UncompressedSize);

    /// <summary>The pull size: all layers gzip-compressed.</summary>
    public long CompressedSize => Layers.Sum(static layer => layer.CompressedSize);

    /// <summary>
    /// The history entry that made each layer. Empty-layer entries (ENV, CMD, ...) are skipped, as dive does
    /// when it walks history and layers side by side; layers without history say "(missing)".
    /// </summary>
    public ImmutableArray<string> LayerInstructions()
    {
        var result = ImmutableArray.CreateBuilder<string>(Layers.Length);
        var history = 0;
        foreach (var unused in Layers)
        {
            while (history < History.Length && History[history].EmptyLayer)
            {
                history++;
            }

            result.Add(history < History.Length ? History[history++].CreatedBy : "(missing)");
        }

        return result.MoveToImmutable();
    }
}