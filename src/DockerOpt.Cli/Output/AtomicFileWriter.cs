using System.Text;

namespace DockerOpt.Cli.Output;

/// <summary>
/// Writes a file so that a reader (or a crash, or Ctrl-C) only ever sees the old bytes or the new bytes: the
/// text goes to a temp file in the same directory, is flushed to disk, gets the original's permissions, and is
/// renamed over the target (rename is atomic within one filesystem). Refuses when the file changed on disk
/// since it was read, so a concurrent edit is never overwritten.
/// </summary>
public static class AtomicFileWriter
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <param name="path">The file to replace or create.</param>
    /// <param name="text">The new text. A BOM in it is written as the BOM bytes; nothing else is added.</param>
    /// <param name="expectedCurrent">The bytes read earlier, or null when the file must not exist yet.</param>
    /// <exception cref="CommandLine.UserInputException">The file changed since it was read.</exception>
    public static void Write(string path, string text, byte[]? expectedCurrent)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        EnsureUnchanged(path, expectedCurrent);

        var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.dockeropt-{Environment.ProcessId}-{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(Utf8NoBom.GetBytes(text));
                stream.Flush(flushToDisk: true);
            }

            if (!OperatingSystem.IsWindows() && File.Exists(path))
            {
                File.SetUnixFileMode(temp, File.GetUnixFileMode(path));
            }

            // Checked again right before the rename: the window in which a concurrent edit could be lost is the
            // rename itself.
            EnsureUnchanged(path, expectedCurrent);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    private static void EnsureUnchanged(string path, byte[]? expectedCurrent)
    {
        var exists = File.Exists(path);
        if (expectedCurrent is null)
        {
            if (exists)
            {
                throw new CommandLine.UserInputException($"{path}: appeared on disk while dockeropt was working; nothing written (run again)");
            }

            return;
        }

        if (!exists || !File.ReadAllBytes(path).AsSpan().SequenceEqual(expectedCurrent))
        {
            throw new CommandLine.UserInputException($"{path}: changed on disk since it was read; nothing written (run again)");
        }
    }
}