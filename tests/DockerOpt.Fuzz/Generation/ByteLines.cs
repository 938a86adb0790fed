namespace DockerOpt.Fuzz.Generation;

/// <summary>
/// A file's bytes as lines, each keeping its own terminator (LF, CRLF, CR-less last line), so line-level mutations
/// work on raw bytes: invalid UTF-8 and NUL survive them, and joining the lines gives the input back exactly.
/// </summary>
internal static class ByteLines
{
    public static List<byte[]> Split(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var lines = new List<byte[]>();
        var start = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                lines.Add(bytes[start..(i + 1)]);
                start = i + 1;
            }
        }

        if (start < bytes.Length)
        {
            lines.Add(bytes[start..]);
        }

        return lines;
    }

    public static byte[] Join(IEnumerable<byte[]> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        using var stream = new MemoryStream();
        foreach (var line in lines)
        {
            stream.Write(line);
        }

        return stream.ToArray();
    }

    /// <summary>The line without its terminator (LF or CRLF).</summary>
    public static ReadOnlySpan<byte> Content(byte[] line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var span = line.AsSpan();
        if (span.EndsWith("\n"u8))
        {
            span = span[..^1];
        }

        return span.EndsWith("\r"u8) ? span[..^1] : span;
    }

    /// <summary>The terminator the line ends with: LF, CRLF or none (the last line of a file).</summary>
    public static ReadOnlySpan<byte> Terminator(byte[] line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return line.AsSpan(Content(line).Length);
    }

    /// <summary>The line with a new content and its old terminator (LF when it had none and <paramref name="forceNewline"/>).</summary>
    public static byte[] WithContent(byte[] line, ReadOnlySpan<byte> content, bool forceNewline = false)
    {
        var terminator = Terminator(line);
        if (terminator.IsEmpty && forceNewline)
        {
            terminator = "\n"u8;
        }

        return [.. content, .. terminator];
    }
}