using DockerOpt.Core.BuildContext;

namespace DockerOpt.Core.Model;

/// <summary>
/// The repository around a Dockerfile as far as dockeropt can see it: the checkout (when the file sits in one) or
/// else the build context that holds it. Read for evidence outside the Dockerfile: the templates it is generated from,
/// the sibling files it is published with.
/// </summary>
/// <param name="Files">The checkout (or the build context), read only.</param>
/// <param name="DockerfilePath">The Dockerfile's path in it, '/'-separated, without a leading <c>./</c>.</param>
public sealed record RepositoryView(IBuildContext Files, string DockerfilePath)
{
    /// <summary>The folder holding the Dockerfile ("" at the root).</summary>
    public string Folder => DockerfilePath.LastIndexOf('/') is var slash and >= 0 ? DockerfilePath[..slash] : string.Empty;

    /// <summary>The Dockerfile's file name.</summary>
    public string FileName => DockerfilePath[(DockerfilePath.LastIndexOf('/') + 1)..];

    /// <summary>The Dockerfile's folder, then each folder above it, the root ("") last.</summary>
    public IEnumerable<string> FoldersUpward()
    {
        var folder = Folder;
        while (true)
        {
            yield return folder;
            if (folder.Length == 0)
            {
                yield break;
            }

            folder = folder.LastIndexOf('/') is var slash and >= 0 ? folder[..slash] : string.Empty;
        }
    }

    /// <summary>The names of the subfolders of a folder (empty when it does not exist).</summary>
    public IReadOnlyList<string> Subfolders(string folder) =>
        Files.DirectoryExists(folder) ? [.. Files.ListDirectory(folder).Where(name => Files.DirectoryExists(Join(folder, name)))] : [];

    /// <summary>A view when the Dockerfile lies inside <paramref name="files"/>; null for a path outside it (<c>../</c>).</summary>
    public static RepositoryView? Of(IBuildContext files, string? dockerfilePath)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (!files.IsKnown || string.IsNullOrEmpty(dockerfilePath))
        {
            return null;
        }

        var path = dockerfilePath.Replace('\\', '/');
        while (path.StartsWith("./", StringComparison.Ordinal))
        {
            path = path[2..];
        }

        return path.StartsWith("../", StringComparison.Ordinal) || path.StartsWith('/') ? null : new RepositoryView(files, path);
    }

    /// <summary>A folder path joined with a name below it.</summary>
    public static string Join(string folder, string name)
    {
        ArgumentNullException.ThrowIfNull(folder);
        return folder.Length == 0 ? name : folder + "/" + name;
    }
}