namespace DockerOpt.Core.BuildContext;

/// <summary>No build context known (e.g. a Dockerfile read from stdin).</summary>
public sealed class EmptyBuildContext : IBuildContext
{
    public static EmptyBuildContext Instance { get; } = new();

    public bool IsKnown => false;

    public bool FileExists(string relativePath) => false;

    public bool DirectoryExists(string relativePath) => false;

    public string? ReadText(string relativePath) => null;

    public IReadOnlyList<string> ListDirectory(string relativePath) => [];
}