namespace DockerOpt.Engine.Images;

/// <summary>What a layer entry is. Whiteouts are not a kind: they are flagged on the entry they delete.</summary>
public enum FileEntryKind
{
    File,
    Directory,
    Symlink,
    HardLink,
    Other,
}