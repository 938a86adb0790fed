namespace DockerOpt.Cli.Output;

/// <summary>One file a command means to write.</summary>
/// <param name="Path">The file to replace or create. A symbolic link is written through: its target gets the text.</param>
/// <param name="Text">The new text. A BOM in it is written as the BOM bytes; nothing else is added.</param>
/// <param name="ExpectedCurrent">The bytes read earlier, or null when the file must not exist yet.</param>
public sealed record PlannedWrite(string Path, string Text, byte[]? ExpectedCurrent)
{
    /// <summary>How messages name the file (the path relative to where the person stands, say); the path by default.</summary>
    public string DisplayName { get; init; } = Path;
}