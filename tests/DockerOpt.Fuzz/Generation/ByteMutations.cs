namespace DockerOpt.Fuzz.Generation;

/// <summary>
/// Mutations blind to Dockerfile syntax: flipped bytes and bits, invalid UTF-8, NUL, a BOM in odd places, cut and
/// deleted ranges. They find the loader's and the parser's edges (binary input, truncated escapes, split runes).
/// </summary>
internal static class ByteMutations
{
    // Overlong encodings, lone continuation bytes, encoded surrogates, code points above U+10FFFF, cut sequences.
    private static readonly byte[][] InvalidUtf8 =
    [
        [0xFF], [0x80], [0xC3, 0x28], [0xC0, 0xAF], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF0, 0x9F, 0x98],
    ];

    public static IEnumerable<Mutation> All =>
    [
        new("flip-bytes", 3, FlipBytes),
        new("flip-bit", 3, FlipBit),
        new("invalid-utf8", 1, input => Insert(input, input.Random.Pick(InvalidUtf8))),
        new("nul-byte", 1, input => Insert(input, [0])),
        new("bom", 1, input => input.Random.Chance(0.7) ? [0xEF, 0xBB, 0xBF, .. input.Bytes] : Insert(input, [0xEF, 0xBB, 0xBF])),
        new("delete-range", 2, DeleteRange),
        new("truncate", 1, input => input.Bytes[..input.Random.Next(input.Bytes.Length + 1)]),
        new("special-char", 4, input => Insert(input, input.Random.Pick(SpecialChars))),
    ];

    // Characters with a meaning somewhere in a Dockerfile or in the shell inside it.
    private static readonly byte[][] SpecialChars =
    [
        "\\"u8.ToArray(), "`"u8.ToArray(), "$"u8.ToArray(), "{"u8.ToArray(), "}"u8.ToArray(), "\""u8.ToArray(), "'"u8.ToArray(),
        "["u8.ToArray(), "]"u8.ToArray(), "#"u8.ToArray(), "\t"u8.ToArray(), "\r"u8.ToArray(), "\n"u8.ToArray(), "="u8.ToArray(),
        "&&"u8.ToArray(), ";"u8.ToArray(), "|"u8.ToArray(), "<<"u8.ToArray(), "--"u8.ToArray(), "é"u8.ToArray(), "\u00a0"u8.ToArray(),
        "\u2028"u8.ToArray(), "😀"u8.ToArray(), "\u200b"u8.ToArray(), "\f"u8.ToArray(), "\v"u8.ToArray(),
    ];

    private static byte[] FlipBytes(MutationInput input)
    {
        var bytes = (byte[])input.Bytes.Clone();
        if (bytes.Length == 0)
        {
            return [(byte)input.Random.Next(256)];
        }

        var count = input.Random.Between(1, 8);
        for (var i = 0; i < count; i++)
        {
            // Printable ASCII most of the time: the parser sees more structure than with arbitrary bytes.
            bytes[input.Random.Next(bytes.Length)] = input.Random.Chance(0.7)
                ? (byte)input.Random.Between(0x20, 0x7E)
                : (byte)input.Random.Next(256);
        }

        return bytes;
    }

    private static byte[] FlipBit(MutationInput input)
    {
        var bytes = (byte[])input.Bytes.Clone();
        if (bytes.Length > 0)
        {
            bytes[input.Random.Next(bytes.Length)] ^= (byte)(1 << input.Random.Next(8));
        }

        return bytes;
    }

    private static byte[] DeleteRange(MutationInput input)
    {
        if (input.Bytes.Length == 0)
        {
            return input.Bytes;
        }

        var start = input.Random.Next(input.Bytes.Length);
        var length = Math.Min(input.Bytes.Length - start, input.Random.LogUniform(256));
        return [.. input.Bytes.AsSpan(0, start), .. input.Bytes.AsSpan(start + length)];
    }

    private static byte[] Insert(MutationInput input, byte[] inserted)
    {
        var at = input.Random.Next(input.Bytes.Length + 1);
        return [.. input.Bytes.AsSpan(0, at), .. inserted, .. input.Bytes.AsSpan(at)];
    }
}