using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace DockerOpt.Fuzz.Running;

/// <summary>Failures of a run grouped by signature (one bug), each with its count and first example; thread-safe.</summary>
internal sealed class FailureTally
{
    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    public int Kinds => entries.Count;

    public long Total => entries.Values.Sum(e => e.Count);

    public void Add(long index, string signature, string path, string detail)
    {
        entries.AddOrUpdate(
            signature,
            _ => new Entry(1, index, path, detail),
            (_, existing) => existing.Index <= index
                ? existing with { Count = existing.Count + 1, Path = existing.Path == "-" ? path : existing.Path }
                : new Entry(existing.Count + 1, index, path == "-" ? existing.Path : path, detail));
    }

    /// <summary>One block per kind, most frequent first: count, signature, first index, its saved file and detail.</summary>
    public string Render(long seed)
    {
        var text = new StringBuilder();
        foreach (var (signature, entry) in entries.OrderByDescending(e => e.Value.Count).ThenBy(e => e.Key, StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {entry.Count} × {signature}");
            text.AppendLine(CultureInfo.InvariantCulture, $"      first: seed {seed} index {entry.Index} -> {entry.Path}");
            text.AppendLine(CultureInfo.InvariantCulture, $"      {entry.Detail}");
        }

        return text.ToString();
    }

    private sealed record Entry(long Count, long Index, string Path, string Detail);
}