using System.Globalization;

namespace DockerOpt.Engine.Budget;

/// <summary>
/// Reads and writes sizes the way people type them: <c>300MB</c>, <c>1.5 GB</c>, <c>512KiB</c>, <c>20000</c>.
/// KB/MB/GB are decimal (as <c>docker images</c> shows them), KiB/MiB/GiB binary.
/// </summary>
public static class ByteSize
{
    private static readonly (string Suffix, long Factor)[] Units =
    [
        ("KIB", 1L << 10), ("MIB", 1L << 20), ("GIB", 1L << 30), ("TIB", 1L << 40),
        ("KB", 1_000L), ("MB", 1_000_000L), ("GB", 1_000_000_000L), ("TB", 1_000_000_000_000L),
        ("K", 1_000L), ("M", 1_000_000L), ("G", 1_000_000_000L), ("B", 1L),
    ];

    /// <summary>The number of bytes, or null when the text is not a size.</summary>
    public static long? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim().ToUpperInvariant();
        foreach (var (suffix, factor) in Units)
        {
            if (trimmed.EndsWith(suffix, StringComparison.Ordinal))
            {
                return ParseNumber(trimmed[..^suffix.Length], factor);
            }
        }

        return ParseNumber(trimmed, 1);
    }

    /// <summary>A size for people: <c>812 B</c>, <c>14.2 kB</c>, <c>301.5 MB</c>, <c>1.21 GB</c> (decimal units).</summary>
    public static string Format(long bytes)
    {
        var magnitude = Math.Abs(bytes);
        return magnitude switch
        {
            < 1_000 => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
            < 1_000_000 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e3:0.0} kB"),
            < 1_000_000_000 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e6:0.0} MB"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e9:0.00} GB"),
        };
    }

    private static long? ParseNumber(string number, long factor)
    {
        var trimmed = number.Trim();
        return trimmed.Length > 0
            && decimal.TryParse(trimmed, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            && value * factor <= long.MaxValue
            ? (long)Math.Round(value * factor)
            : null;
    }
}