namespace DockerOpt.Engine.Images;

/// <summary>
/// One entry of a layer's tar, as an absolute path in the image's filesystem.
/// </summary>
/// <param name="Path">Absolute, without a trailing slash (<c>/usr/bin/env</c>). For a whiteout, the path it deletes;
/// for an opaque marker, the directory whose lower contents it hides.</param>
/// <param name="Size">Content bytes as the tar header states them (0 for directories, links and markers).</param>
/// <param name="Kind">File, directory, link; for a whiteout, the kind of the marker entry.</param>
/// <param name="IsWhiteout">A <c>.wh.NAME</c> marker: NAME was deleted in this layer.</param>
/// <param name="IsOpaqueDirectory">A <c>.wh..wh..opq</c> marker: the directory was replaced wholesale in this layer.</param>
public sealed record LayerFileEntry(string Path, long Size, FileEntryKind Kind, bool IsWhiteout = false, bool IsOpaqueDirectory = false)
{
    private const string WhiteoutPrefix = ".wh.";
    private const string OpaqueMarker = ".wh..wh..opq";

    /// <summary>
    /// The entry for a raw tar name (<c>./usr/lib/</c>, <c>etc/.wh.motd</c>), or null for the root itself.
    /// Whiteout names are resolved to the path they delete, per the OCI image layer specification.
    /// </summary>
    public static LayerFileEntry? FromTarName(string tarName, long size, FileEntryKind kind)
    {
        ArgumentNullException.ThrowIfNull(tarName);
        var path = Normalize(tarName);
        if (path.Length == 1)
        {
            return null;
        }

        var slash = path.LastIndexOf('/');
        var parent = slash == 0 ? "/" : path[..slash];
        var name = path[(slash + 1)..];
        if (name == OpaqueMarker)
        {
            return new LayerFileEntry(parent, 0, FileEntryKind.Directory, IsOpaqueDirectory: true);
        }

        if (name.StartsWith(WhiteoutPrefix, StringComparison.Ordinal))
        {
            var deleted = parent == "/" ? "/" + name[WhiteoutPrefix.Length..] : parent + "/" + name[WhiteoutPrefix.Length..];
            return new LayerFileEntry(deleted, 0, kind, IsWhiteout: true);
        }

        return new LayerFileEntry(path, kind == FileEntryKind.File ? size : 0, kind);
    }

    /// <summary>An absolute path without <c>./</c>, duplicate or trailing slashes; the root is <c>/</c>.</summary>
    public static string Normalize(string tarName)
    {
        ArgumentNullException.ThrowIfNull(tarName);
        var parts = tarName.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(static part => part != ".");
        return "/" + string.Join('/', parts);
    }
}