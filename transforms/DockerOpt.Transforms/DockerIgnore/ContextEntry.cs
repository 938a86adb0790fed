namespace DockerOpt.Transforms.DockerIgnore;

/// <summary>A file or folder of the build context: its path from the root ('/'-separated) and its own name.</summary>
public sealed record ContextEntry(string Path, string Name, bool IsFolder)
{
    /// <summary>The folder it sits in, relative to the root ("" at the root).</summary>
    public string Folder => Path.Length == Name.Length ? string.Empty : Path[..(Path.Length - Name.Length - 1)];
}