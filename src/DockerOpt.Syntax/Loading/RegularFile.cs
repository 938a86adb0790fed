using System.Runtime.InteropServices;

namespace DockerOpt.Syntax;

/// <summary>
/// The one way dockeropt reads a file it was pointed at (a Dockerfile, a .dockerignore, a configuration, a manifest in
/// the build context, a file about to be replaced): only regular files are opened. Opening a FIFO for reading blocks
/// until some other process writes to it, so a FIFO named <c>Dockerfile</c> or <c>.dockerignore</c> in a pull request
/// would hang every CI run; a character device like <c>/dev/zero</c> never ends. Both are refused before they are
/// opened, with <see cref="NotARegularFileException"/>. Symbolic links are followed, as every reader does.
/// </summary>
/// <remarks>
/// The file type comes from stat(2). The base library exposes no file type (<see cref="FileSystemInfo"/> calls a FIFO
/// a "Normal" file of length 0), so this asks .NET's own native shim, System.Native, which every .NET runtime on Unix
/// ships and which Native AOT links into the binary: its <c>SystemNative_Stat</c> fills a platform-independent
/// structure whose second field is <c>st_mode</c> as the OS gave it. Between the stat and the open a file could be
/// swapped for a FIFO; that race needs a local attacker, not a file in a pull request, and is not guarded against.
/// </remarks>
public static partial class RegularFile
{
    // st_mode's file-type bits (<sys/stat.h>; the same values on Linux and macOS, asserted by System.Native's build).
    private const int TypeMask = 0xF000;
    private const int FifoType = 0x1000;
    private const int CharacterDeviceType = 0x2000;
    private const int DirectoryType = 0x4000;
    private const int BlockDeviceType = 0x6000;
    private const int RegularType = 0x8000;
    private const int SocketType = 0xC000;

    /// <summary>What <paramref name="path"/> names, following symbolic links. Missing when it cannot be examined either.</summary>
    public static FileKind KindOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (OperatingSystem.IsWindows())
        {
            return Directory.Exists(path) ? FileKind.Directory : File.Exists(path) ? FileKind.Regular : FileKind.Missing;
        }

        if (path.Length == 0 || Stat(path, out NativeFileStatus status) != 0)
        {
            return FileKind.Missing;
        }

        return (status.Mode & TypeMask) switch
        {
            RegularType => FileKind.Regular,
            DirectoryType => FileKind.Directory,
            FifoType => FileKind.Fifo,
            SocketType => FileKind.Socket,
            CharacterDeviceType => FileKind.CharacterDevice,
            BlockDeviceType => FileKind.BlockDevice,
            _ => FileKind.Other,
        };
    }

    /// <summary>True when <paramref name="path"/> names a regular file (or a link to one).</summary>
    public static bool Exists(string path) => KindOf(path) == FileKind.Regular;

    /// <summary>The bytes of a regular file.</summary>
    /// <exception cref="NotARegularFileException">The path names something else that exists.</exception>
    /// <exception cref="IOException">It cannot be read (missing, an I/O error).</exception>
    /// <exception cref="UnauthorizedAccessException">Permission denied.</exception>
    public static byte[] ReadAllBytes(string path)
    {
        EnsureRegular(path);
        return File.ReadAllBytes(path);
    }

    /// <summary>The text of a regular file, decoded as <see cref="File.ReadAllText(string)"/> does.</summary>
    /// <exception cref="NotARegularFileException">The path names something else that exists.</exception>
    public static string ReadAllText(string path)
    {
        EnsureRegular(path);
        return File.ReadAllText(path);
    }

    /// <summary>Throws when <paramref name="path"/> exists and is not a regular file; a missing path is left to the open.</summary>
    /// <exception cref="NotARegularFileException">The path names a FIFO, socket, device or directory.</exception>
    public static void EnsureRegular(string path)
    {
        FileKind kind = KindOf(path);
        if (kind is not FileKind.Regular and not FileKind.Missing)
        {
            throw new NotARegularFileException(path, kind);
        }
    }

    /// <summary>How messages name a kind: <c>fifo</c>, <c>directory</c>, <c>socket</c>, <c>character device</c>, ...</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Missing => "missing",
        FileKind.Regular => "regular file",
        FileKind.Directory => "directory",
        FileKind.Fifo => "fifo",
        FileKind.Socket => "socket",
        FileKind.CharacterDevice => "character device",
        FileKind.BlockDevice => "block device",
        _ => "special file",
    };

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_Stat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Stat(string path, out NativeFileStatus status);

    // System.Native's FileStatus begins with (int Flags, int Mode); the rest (sizes, times, device and inode numbers,
    // about 120 bytes) is not read. The size leaves room for fields a later runtime may add at the end.
#pragma warning disable CS0649 // Filled in by the native call.
    [StructLayout(LayoutKind.Sequential, Size = 256)]
    private struct NativeFileStatus
    {
        public int Flags;
        public int Mode;
    }
#pragma warning restore CS0649
}