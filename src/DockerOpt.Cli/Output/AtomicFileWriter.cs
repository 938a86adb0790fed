namespace DockerOpt.Cli.Output;

/// <summary>
/// Writes one file so that a reader (or a crash, or Ctrl-C) only ever sees the old bytes or the new bytes: a
/// <see cref="FileTransaction"/> of one file. Refuses when the file changed on disk since it was read (a concurrent
/// edit is never overwritten), when it is not a regular file or is read-only, and when its directory cannot take new
/// files (read-only, no permission): the person can fix those, so they are bad input, not internal errors.
/// </summary>
public static class AtomicFileWriter
{
    /// <param name="path">The file to replace or create (a symbolic link is written through).</param>
    /// <param name="text">The new text. A BOM in it is written as the BOM bytes; nothing else is added.</param>
    /// <param name="expectedCurrent">The bytes read earlier, or null when the file must not exist yet.</param>
    /// <exception cref="CommandLine.UserInputException">The file changed since it was read, or cannot be written there.</exception>
    public static void Write(string path, string text, byte[]? expectedCurrent)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        using var transaction = FileTransaction.Prepare([new PlannedWrite(path, text, expectedCurrent)], replaceReadOnly: false);
        transaction.Commit();
    }
}