namespace DockerOpt.Fuzz.Generation;

/// <summary>
/// Mutations that move whole lines: splicing lines of another corpus file in, duplicating, deleting and swapping
/// lines, and mixing line endings (LF, CRLF, lone CR, no final newline) line by line.
/// </summary>
internal static class LineMutations
{
    public static IEnumerable<Mutation> All =>
    [
        new("splice-lines", 6, SpliceLines),
        new("duplicate-line", 2, DuplicateLine),
        new("delete-line", 2, DeleteLine),
        new("swap-lines", 2, SwapLines),
        new("line-endings", 3, MixLineEndings),
    ];

    private static byte[] SpliceLines(MutationInput input)
    {
        var lines = ByteLines.Split(input.Bytes);
        var donor = ByteLines.Split(input.Corpus.Bytes(input.Random.Next(input.Corpus.Count)));
        if (donor.Count == 0)
        {
            return input.Bytes;
        }

        var from = input.Random.Next(donor.Count);
        var count = Math.Min(donor.Count - from, input.Random.LogUniform(40));
        var at = input.Random.Next(lines.Count + 1);
        if (input.Random.Chance(0.7))
        {
            // Whole instructions, continuation lines included, between whole instructions: the result still parses
            // most of the time, so the passes see it (raw line ranges mostly make "unknown instruction" errors).
            (from, count) = WholeInstructions(donor, from, count);
            at = StartOfInstruction(lines, at);
        }

        EnsureNewlineBefore(lines, at);
        var spliced = donor.GetRange(from, count);
        if (at < lines.Count)
        {
            spliced[^1] = ByteLines.WithContent(spliced[^1], ByteLines.Content(spliced[^1]), forceNewline: true);
        }

        lines.InsertRange(at, spliced);
        return ByteLines.Join(lines);
    }

    private static byte[] DuplicateLine(MutationInput input)
    {
        var lines = ByteLines.Split(input.Bytes);
        if (lines.Count == 0)
        {
            return input.Bytes;
        }

        var at = input.Random.Next(lines.Count);
        var copy = ByteLines.WithContent(lines[at], ByteLines.Content(lines[at]), forceNewline: true);
        lines.Insert(at, copy);
        return ByteLines.Join(lines);
    }

    private static byte[] DeleteLine(MutationInput input)
    {
        var lines = ByteLines.Split(input.Bytes);
        if (lines.Count == 0)
        {
            return input.Bytes;
        }

        lines.RemoveAt(input.Random.Next(lines.Count));
        return ByteLines.Join(lines);
    }

    private static byte[] SwapLines(MutationInput input)
    {
        var lines = ByteLines.Split(input.Bytes);
        if (lines.Count < 2)
        {
            return input.Bytes;
        }

        var a = input.Random.Next(lines.Count);
        var b = input.Random.Next(lines.Count);
        var contentA = ByteLines.Content(lines[a]).ToArray();
        var contentB = ByteLines.Content(lines[b]).ToArray();
        lines[a] = ByteLines.WithContent(lines[a], contentB);
        lines[b] = ByteLines.WithContent(lines[b], contentA);
        return ByteLines.Join(lines);
    }

    private static byte[] MixLineEndings(MutationInput input)
    {
        var lines = ByteLines.Split(input.Bytes);
        if (lines.Count == 0)
        {
            return input.Bytes;
        }

        if (input.Random.Chance(0.2))
        {
            // No final newline, or one more than before.
            var last = lines.Count - 1;
            lines[last] = ByteLines.Terminator(lines[last]).IsEmpty
                ? [.. lines[last], (byte)'\n']
                : ByteLines.Content(lines[last]).ToArray();
            return ByteLines.Join(lines);
        }

        var everyLine = input.Random.Chance(0.3);
        byte[][] endings = [[(byte)'\n'], [(byte)'\r', (byte)'\n'], [(byte)'\r'], [(byte)'\r', (byte)'\r', (byte)'\n']];
        for (var i = 0; i < lines.Count; i++)
        {
            if ((everyLine || input.Random.Chance(0.1)) && !ByteLines.Terminator(lines[i]).IsEmpty)
            {
                lines[i] = [.. ByteLines.Content(lines[i]), .. input.Random.Pick(endings)];
            }
        }

        return ByteLines.Join(lines);
    }

    private static (int From, int Count) WholeInstructions(List<byte[]> lines, int from, int count)
    {
        while (from > 0 && Continues(lines[from - 1]))
        {
            from--;
        }

        var end = Math.Min(lines.Count, from + Math.Max(1, count));
        while (end < lines.Count && Continues(lines[end - 1]))
        {
            end++;
        }

        return (from, end - from);
    }

    private static int StartOfInstruction(List<byte[]> lines, int at)
    {
        while (at > 0 && Continues(lines[at - 1]))
        {
            at--;
        }

        return at;
    }

    private static bool Continues(byte[] line) => ByteLines.Content(line).TrimEnd(" \t"u8).EndsWith("\\"u8);

    private static void EnsureNewlineBefore(List<byte[]> lines, int at)
    {
        if (at > 0 && ByteLines.Terminator(lines[at - 1]).IsEmpty)
        {
            lines[at - 1] = [.. lines[at - 1], (byte)'\n'];
        }
    }
}