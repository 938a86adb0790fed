namespace DockerOpt.Core.BuildContext;

/// <summary>
/// A read-only view of the build context (the folder `docker build` sends). Paths are relative to the
/// context root, with forward slashes. Passes use it to know which manifests and lockfiles exist.
/// </summary>
public interface IBuildContext
{
    /// <summary>True when a context is known at all; with no context, passes that need one decline.</summary>
    bool IsKnown { get; }

    bool FileExists(string relativePath);

    bool DirectoryExists(string relativePath);

    /// <summary>The text of a small file (manifests, .dockerignore), or null when absent or unreadable.</summary>
    string? ReadText(string relativePath);

    /// <summary>Top-level entries of a directory ("" for the root), names only, sorted.</summary>
    IReadOnlyList<string> ListDirectory(string relativePath);
}