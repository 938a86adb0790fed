using System.Text;

namespace DockerOpt.Cli.Output;

/// <summary>
/// Writes a file so that a reader (or a crash, or Ctrl-C) only ever sees the old bytes or the new bytes: the
/// text goes to a temp file in the same directory, is flushed to disk, gets the original's permissions, and is
/// renamed over the target (rename is atomic within one filesystem). Refuses when the file changed on disk
/// since it was read, so a concurrent edit is never overwritten, and when its directory cannot take new files
/// (read-only, no permission): the person can fix that, so it is bad input, not an internal error.
/// </summary>
public static class AtomicFileWriter
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <param name="path">The file to replace or create.</param>
    /// <param name="text">The new text. A BOM in it is written as the BOM bytes; nothing else is added.</param>
    /// <param name="expectedCurrent">The bytes read earlier, or null when the file must not exist yet.</param>
    /// <exception cref="CommandLine.UserInputException">The file changed since it was read, or cannot be written there.</exception>
    public static void Write(string path, string text, byte[]? expectedCurrent)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        EnsureUnchanged(path, expectedCurrent);

        var temp = TempPathFor(path);
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
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw CannotWrite(path, ex);
        }
        finally
        {
            DeleteQuietly(temp);
        }
    }

    /// <summary>
    /// Proves that <see cref="Write"/> could create its temp file beside <paramref name="path"/>, by creating and
    /// removing one. Run for every target before the first write, so a read-only folder stops the whole run
    /// before any file changed, not halfway through it.
    /// </summary>
    /// <exception cref="CommandLine.UserInputException">The directory does not take new files.</exception>
    public static void EnsureWritable(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var temp = TempPathFor(path);
        try
        {
            using (new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw CannotWrite(path, ex);
        }
        finally
        {
            DeleteQuietly(temp);
        }
    }

    private static string TempPathFor(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        return Path.Combine(directory, $".{Path.GetFileName(path)}.dockeropt-{Environment.ProcessId}-{Guid.NewGuid():N}.tmp");
    }

    private static CommandLine.UserInputException CannotWrite(string path, Exception cause)
    {
        // .NET appends " : 'the temp file's path'" to the OS reason; the temp file is ours, not the person's concern.
        var reason = cause is UnauthorizedAccessException ? "permission denied" : cause.Message;
        var pathSuffix = reason.IndexOf(" : '", StringComparison.Ordinal);
        if (pathSuffix > 0)
        {
            reason = reason[..pathSuffix];
        }

        return new CommandLine.UserInputException($"{path}: cannot write to its directory ({reason.TrimEnd('.')}); nothing written", cause);
    }

    private static void DeleteQuietly(string temp)
    {
        try
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Nothing was created, or it cannot be removed either; the write's own outcome is what matters.
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