namespace DockerOpt.Syntax;

/// <summary>
/// A read was refused because the path names a FIFO, a socket, a device or a directory, not a regular file. An
/// <see cref="IOException"/>, so every reader's existing "cannot read" handling covers it; its message is the part a
/// person needs after the path: <c>not a regular file (fifo)</c>.
/// </summary>
public sealed class NotARegularFileException : IOException
{
    public NotARegularFileException(string path, FileKind kind)
        : base($"not a regular file ({RegularFile.Describe(kind)})")
    {
        Path = path;
        Kind = kind;
    }

    public NotARegularFileException()
    {
        Path = string.Empty;
    }

    public NotARegularFileException(string message)
        : base(message)
    {
        Path = string.Empty;
    }

    public NotARegularFileException(string message, Exception innerException)
        : base(message, innerException)
    {
        Path = string.Empty;
    }

    /// <summary>The path as given to the reader.</summary>
    public string Path { get; }

    public FileKind Kind { get; }
}