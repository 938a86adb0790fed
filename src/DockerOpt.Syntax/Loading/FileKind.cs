namespace DockerOpt.Syntax;

/// <summary>What a path names on disk, after following symbolic links (a dangling link is <see cref="Missing"/>).</summary>
public enum FileKind
{
    Missing,
    Regular,
    Directory,
    Fifo,
    Socket,
    CharacterDevice,
    BlockDevice,

    /// <summary>Any other type the OS knows (none on Linux).</summary>
    Other,
}