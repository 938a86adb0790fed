using System.Text;

using DockerOpt.Cli.CommandLine;
using DockerOpt.Cli.Input;
using DockerOpt.Syntax;

namespace DockerOpt.Cli.Output;

/// <summary>
/// Writes several files all or nothing, in two phases. <see cref="Prepare"/> checks every target (a regular file or
/// none, not read-only, not changed since it was read) and writes every new text to a temp file beside its target,
/// flushed to disk with the target's permissions; <see cref="Commit"/> checks once more that nothing changed and
/// renames the temp files over their targets (rename is atomic within one filesystem, so a reader, a crash or Ctrl-C
/// only ever sees a file's old bytes or its new bytes). Anything that fails before the renames leaves every file as it
/// was, and <see cref="Dispose"/> removes the temp files.
/// </summary>
/// <remarks>
/// A symbolic link is written through, as editors and formatters do: the temp file goes beside the link's target and
/// replaces it, and the link stays a link. A link to a missing file is refused (its target could be anywhere). A file
/// whose owner may not write it (chmod 444) is refused unless <c>replaceReadOnly</c> (<c>--force</c>); replaced, it
/// keeps its mode. Two names for one file are written once; two different texts for one file are refused.
/// </remarks>
public sealed class FileTransaction : IDisposable
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    private readonly List<Staged> staged;
    private bool committed;

    private FileTransaction(List<Staged> staged)
    {
        this.staged = staged;
    }

    /// <summary>The files that <see cref="Commit"/> replaces or creates, by their display names, each file once.</summary>
    public IReadOnlyList<string> DisplayNames => [.. staged.Select(static s => s.Write.DisplayName)];

    /// <summary>Checks every target and writes every temp file; changes no existing file.</summary>
    /// <exception cref="UserInputException">A target cannot be written; nothing changed.</exception>
    public static FileTransaction Prepare(IEnumerable<PlannedWrite> writes, bool replaceReadOnly)
    {
        ArgumentNullException.ThrowIfNull(writes);
        var staged = new List<Staged>();
        foreach (var write in writes)
        {
            var target = ResolveTarget(write);
            if (staged.Find(s => string.Equals(s.Target, target, StringComparison.Ordinal)) is { } same)
            {
                if (!string.Equals(same.Write.Text, write.Text, StringComparison.Ordinal))
                {
                    throw new UserInputException($"{write.DisplayName}: two different new texts for one file (also named {same.Write.DisplayName}); nothing written");
                }

                continue;
            }

            EnsureReplaceable(write.DisplayName, target, replaceReadOnly);
            EnsureUnchanged(write.DisplayName, target, write.ExpectedCurrent);
            staged.Add(new Staged(write, target, TempPathFor(target)));
        }

        var transaction = new FileTransaction(staged);
        try
        {
            foreach (var file in staged)
            {
                WriteTemp(file);
            }
        }
        catch
        {
            transaction.Dispose();
            throw;
        }

        return transaction;
    }

    /// <summary>Replaces every target with its new text.</summary>
    /// <exception cref="UserInputException">A file changed since it was read (nothing written), or a rename failed.</exception>
    public void Commit()
    {
        if (committed)
        {
            throw new InvalidOperationException("the files were written already");
        }

        // Checked again right before the renames: the window in which a concurrent edit could be lost is the renames
        // themselves.
        foreach (var file in staged)
        {
            EnsureUnchanged(file.Write.DisplayName, file.Target, file.Write.ExpectedCurrent);
        }

        var renamed = new List<string>();
        foreach (var file in staged)
        {
            try
            {
                File.Move(file.Temp, file.Target, overwrite: true);
                renamed.Add(file.Write.DisplayName);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Every check passed and every temp file sits beside its target, so only the OS failing a rename in the
                // same folder gets here; a rename cannot be taken back, so say exactly what happened.
                var done = renamed.Count == 0 ? "nothing written" : $"already written: {string.Join(", ", renamed)}";
                throw new UserInputException($"{file.Write.DisplayName}: cannot replace it ({IoFailure.Reason(ex)}); {done}", ex);
            }
        }

        committed = true;
    }

    public void Dispose()
    {
        foreach (var file in staged)
        {
            try
            {
                if (File.Exists(file.Temp))
                {
                    File.Delete(file.Temp);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // It cannot be removed either; the write's own outcome is what matters.
            }
        }
    }

    /// <summary>Where the text really goes: through every symbolic link.</summary>
    private static string ResolveTarget(PlannedWrite write)
    {
        string target;
        try
        {
            target = RealPath.Of(write.Path);
        }
        catch (IOException ex)
        {
            throw new UserInputException($"{write.DisplayName}: {IoFailure.Reason(ex)}; nothing written", ex);
        }

        if (RegularFile.KindOf(target) == FileKind.Missing && new FileInfo(write.Path).LinkTarget is { } linkTarget)
        {
            throw new UserInputException($"{write.DisplayName}: a symbolic link to a missing file ({linkTarget}); nothing written");
        }

        return target;
    }

    private static void EnsureReplaceable(string path, string target, bool replaceReadOnly)
    {
        var kind = RegularFile.KindOf(target);
        if (kind is not FileKind.Regular and not FileKind.Missing)
        {
            throw new UserInputException($"{path}: not a regular file ({RegularFile.Describe(kind)}); nothing written");
        }

        // Root (and the owner of the folder) can rename over any file, so the mode is what says "do not touch": the
        // same bit editors warn about. Not on Windows, where read-only is an attribute File.Move refuses anyway.
        if (kind == FileKind.Regular && !replaceReadOnly && !OperatingSystem.IsWindows()
            && (File.GetUnixFileMode(target) & UnixFileMode.UserWrite) == 0)
        {
            throw new UserInputException($"{path}: read-only file; nothing written (--force replaces it and keeps its mode)");
        }
    }

    private static void EnsureUnchanged(string path, string target, byte[]? expectedCurrent)
    {
        var exists = RegularFile.KindOf(target) != FileKind.Missing;
        if (expectedCurrent is null)
        {
            if (exists)
            {
                throw new UserInputException($"{path}: appeared on disk while dockeropt was working; nothing written (run again)");
            }

            return;
        }

        byte[] current;
        try
        {
            current = exists ? RegularFile.ReadAllBytes(target) : [];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException($"{path}: cannot read it again before writing ({IoFailure.Reason(ex)}); nothing written", ex);
        }

        if (!exists || !current.AsSpan().SequenceEqual(expectedCurrent))
        {
            throw new UserInputException($"{path}: changed on disk since it was read; nothing written (run again)");
        }
    }

    private static string TempPathFor(string target)
    {
        var directory = Path.GetDirectoryName(target) ?? ".";
        return Path.Combine(directory, $".{Path.GetFileName(target)}.dockeropt-{Environment.ProcessId}-{Guid.NewGuid():N}.tmp");
    }

    private static void WriteTemp(Staged file)
    {
        try
        {
            using (var stream = new FileStream(file.Temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(Utf8NoBom.GetBytes(file.Write.Text));
                stream.Flush(flushToDisk: true);
            }

            if (!OperatingSystem.IsWindows() && RegularFile.Exists(file.Target))
            {
                File.SetUnixFileMode(file.Temp, File.GetUnixFileMode(file.Target));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException($"{file.Write.DisplayName}: cannot write to its directory ({IoFailure.Reason(ex)}); nothing written", ex);
        }
    }

    private sealed record Staged(PlannedWrite Write, string Target, string Temp);
}