using System.Collections.Immutable;
using System.Text;

namespace DockerOpt.Syntax;

/// <summary>The result of reading a Dockerfile from disk: the tree, or the reason there is none.</summary>
public sealed record LoadResult(DockerfileSyntax? Syntax, ImmutableArray<Diagnostic> Diagnostics)
{
    public bool Succeeded => Syntax is not null;

    /// <summary>Every diagnostic: loading problems and, when parsed, the parser's.</summary>
    public ImmutableArray<Diagnostic> AllDiagnostics => Syntax is null ? Diagnostics : Diagnostics.AddRange(Syntax.Diagnostics);
}

/// <summary>
/// Reads Dockerfile bytes, refusing what is not text: a NUL byte means binary, and bytes that are not UTF-8 cannot be
/// round-tripped through a string. Both get a diagnostic at <c>file:line:col</c>. A UTF-8 BOM is kept in the text.
/// </summary>
public static class DockerfileLoader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static LoadResult Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        Diagnostic? failure = TryRead(path, path, out byte[] bytes);
        return failure is null ? Decode(bytes, path) : Failure(failure);
    }

    /// <summary>
    /// Reads a Dockerfile's bytes through <see cref="RegularFile"/>: a FIFO, device or directory is refused without
    /// being opened (<c>path: not a regular file (fifo)</c>), any other failure is <c>path:1:1: error: cannot read file</c>.
    /// </summary>
    /// <returns>Null when read, otherwise the reason it could not be.</returns>
    public static Diagnostic? TryRead(string path, string displayPath, out byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            bytes = RegularFile.ReadAllBytes(path);
            return null;
        }
        catch (NotARegularFileException exception)
        {
            bytes = [];
            return new Diagnostic(DiagnosticSeverity.Error, DiagnosticIds.UnreadableFile, exception.Message, displayPath, 0, 0, default);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            bytes = [];
            // .NET words EACCES as "Access to the path '/full/path' is denied."; the message names the path already.
            string reason = exception is UnauthorizedAccessException ? "permission denied" : exception.Message;
            return new Diagnostic(DiagnosticSeverity.Error, DiagnosticIds.UnreadableFile, $"cannot read file: {reason}", displayPath, 1, 1, default);
        }
    }

    /// <summary>Decodes bytes (from disk or stdin) and parses them.</summary>
    public static LoadResult Decode(ReadOnlySpan<byte> bytes, string? path = null)
    {
        string display = path ?? "Dockerfile";
        int nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            (int line, int column) = Locate(bytes, nul);
            return Failure(new Diagnostic(DiagnosticSeverity.Error, DiagnosticIds.BinaryInput, "binary file (contains a NUL byte); a Dockerfile must be UTF-8 text", display, line, column, default));
        }

        int invalid = FindInvalidUtf8(bytes);
        if (invalid >= 0)
        {
            (int line, int column) = Locate(bytes, invalid);
            return Failure(new Diagnostic(DiagnosticSeverity.Error, DiagnosticIds.InvalidUtf8, $"invalid UTF-8 (byte 0x{bytes[invalid]:X2}); save the file as UTF-8", display, line, column, default));
        }

        string text = StrictUtf8.GetString(bytes);
        return new LoadResult(DockerfileParser.Parse(text, path), []);
    }

    private static LoadResult Failure(Diagnostic diagnostic) => new(null, [diagnostic]);

    private static int FindInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return -1;
        }

        int offset = 0;
        while (offset < bytes.Length)
        {
            System.Buffers.OperationStatus status = System.Text.Rune.DecodeFromUtf8(bytes[offset..], out _, out int consumed);
            if (status != System.Buffers.OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return -1;
    }

    // 1-based line and column (in chars of the valid text before the offset).
    private static (int Line, int Column) Locate(ReadOnlySpan<byte> bytes, int offset)
    {
        ReadOnlySpan<byte> before = bytes[..offset];
        int line = before.Count((byte)'\n') + 1;
        int lineStart = before.LastIndexOf((byte)'\n') + 1;
        int column = Encoding.UTF8.GetCharCount(before[lineStart..]) + 1;
        return (line, column);
    }
}