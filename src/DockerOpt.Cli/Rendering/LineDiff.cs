using DiffPlex;
using DiffPlex.Chunkers;
using DiffPlex.Model;

namespace DockerOpt.Cli.Rendering;

/// <summary>
/// The line diff behind the unified diff and the JSON edits. DiffPlex's Myers diff costs O(N·D): nothing for a rewrite
/// that changes a few lines, quadratic for one that changes every third line of 100k (D grows with N). So past
/// <see cref="WholeDiffLimit"/> lines between the common prefix and suffix, the middle is first cut at patience anchors
/// (lines that occur exactly once in each text, in the order both agree on), and each piece between two anchors is
/// diffed alone: about linear for the rewrites dockeropt makes, which change lines in place and move no blocks.
/// </summary>
internal static class LineDiff
{
    // Up to this many differing lines (old plus new, after the common prefix and suffix) the whole texts go to DiffPlex
    // at once, as they always did: Myers is cheap there, and every diff of an ordinary file stays byte for byte the same.
    private const int WholeDiffLimit = 4000;

    /// <summary>Lines without their endings (a lone CR ends a line too), as the unified diff shows them.</summary>
    public static DiffResult Lines(string oldText, string newText) =>
        Create(oldText, newText, new LineChunker(), pieces => string.Join('\n', (IEnumerable<string>)pieces));

    /// <summary>Lines with their endings, so the pieces put back together are the texts.</summary>
    public static DiffResult LinesWithEndings(string oldText, string newText) =>
        Create(oldText, newText, new LineEndingsPreservingChunker(), pieces => string.Concat((IEnumerable<string>)pieces));

    // join(pieces) is text the chunker cuts into exactly those pieces again.
    private static DiffResult Create(string oldText, string newText, IChunker chunker, Func<ArraySegment<string>, string> join)
    {
        ArgumentNullException.ThrowIfNull(oldText);
        ArgumentNullException.ThrowIfNull(newText);
        string[] oldPieces = [.. chunker.Chunk(oldText)];
        string[] newPieces = [.. chunker.Chunk(newText)];
        var prefix = 0;
        while (prefix < oldPieces.Length && prefix < newPieces.Length && oldPieces[prefix] == newPieces[prefix])
        {
            prefix++;
        }

        var oldEnd = oldPieces.Length;
        var newEnd = newPieces.Length;
        while (oldEnd > prefix && newEnd > prefix && oldPieces[oldEnd - 1] == newPieces[newEnd - 1])
        {
            oldEnd--;
            newEnd--;
        }

        if (oldEnd - prefix + (newEnd - prefix) <= WholeDiffLimit)
        {
            return Differ.Instance.CreateDiffs(oldText, newText, ignoreWhiteSpace: false, ignoreCase: false, chunker);
        }

        var blocks = new List<DiffBlock>();
        var (oldFrom, newFrom) = (prefix, prefix);
        foreach (var (oldAnchor, newAnchor) in Anchors(oldPieces, newPieces, prefix, oldEnd, newEnd).Append((Old: oldEnd, New: newEnd)))
        {
            var oldCount = oldAnchor - oldFrom;
            var newCount = newAnchor - newFrom;
            if (oldCount == 0 || newCount == 0 || (oldCount + newCount > WholeDiffLimit && !ShareALine(oldPieces, oldFrom, oldCount, newPieces, newFrom, newCount)))
            {
                // Nothing in common: Myers would find that out in O(N·D), quadratic when a pass rewrote every line of a
                // long stretch (a cache mount on each of 18,000 consecutive RUNs); its answer is this one block.
                if (oldCount + newCount > 0)
                {
                    blocks.Add(new DiffBlock(oldFrom, oldCount, newFrom, newCount));
                }
            }
            else
            {
                var piece = Differ.Instance.CreateDiffs(
                    join(new ArraySegment<string>(oldPieces, oldFrom, oldCount)),
                    join(new ArraySegment<string>(newPieces, newFrom, newCount)),
                    ignoreWhiteSpace: false,
                    ignoreCase: false,
                    chunker);
                blocks.AddRange(piece.DiffBlocks.Select(b => new DiffBlock(b.DeleteStartA + oldFrom, b.DeleteCountA, b.InsertStartB + newFrom, b.InsertCountB)));
            }

            (oldFrom, newFrom) = (oldAnchor + 1, newAnchor + 1);
        }

        return new DiffResult(oldPieces, newPieces, blocks);
    }

    private static bool ShareALine(string[] oldPieces, int oldFrom, int oldCount, string[] newPieces, int newFrom, int newCount)
    {
        var old = new HashSet<string>(new ArraySegment<string>(oldPieces, oldFrom, oldCount), StringComparer.Ordinal);
        for (var j = newFrom; j < newFrom + newCount; j++)
        {
            if (old.Contains(newPieces[j]))
            {
                return true;
            }
        }

        return false;
    }

    // The lines of old[from, oldEnd) and new[from, newEnd) that occur once in each, as (old index, new index) pairs, and
    // of those the longest run increasing in both (patience sorting, n·log n): the lines the diff keeps where they are.
    private static List<(int Old, int New)> Anchors(string[] oldPieces, string[] newPieces, int from, int oldEnd, int newEnd)
    {
        var seen = new Dictionary<string, (int OldCount, int OldIndex, int NewCount, int NewIndex)>(StringComparer.Ordinal);
        for (var i = from; i < oldEnd; i++)
        {
            var (oldCount, _, newCount, newIndex) = seen.GetValueOrDefault(oldPieces[i]);
            seen[oldPieces[i]] = (oldCount + 1, i, newCount, newIndex);
        }

        for (var j = from; j < newEnd; j++)
        {
            var (oldCount, oldIndex, newCount, _) = seen.GetValueOrDefault(newPieces[j]);
            seen[newPieces[j]] = (oldCount, oldIndex, newCount + 1, j);
        }

        var unique = seen.Values.Where(v => v.OldCount == 1 && v.NewCount == 1).Select(v => (v.OldIndex, v.NewIndex)).OrderBy(p => p.OldIndex).ToList();

        // tails[k]: the index in unique of the smallest new index that ends an increasing run of length k + 1.
        var tails = new List<int>();
        var previous = new int[unique.Count];
        for (var i = 0; i < unique.Count; i++)
        {
            int low = 0, high = tails.Count;
            while (low < high)
            {
                var middle = (low + high) / 2;
                if (unique[tails[middle]].NewIndex < unique[i].NewIndex)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            previous[i] = low > 0 ? tails[low - 1] : -1;
            if (low == tails.Count)
            {
                tails.Add(i);
            }
            else
            {
                tails[low] = i;
            }
        }

        var anchors = new List<(int Old, int New)>(tails.Count);
        for (var i = tails.Count > 0 ? tails[^1] : -1; i >= 0; i = previous[i])
        {
            anchors.Add(unique[i]);
        }

        anchors.Reverse();
        return anchors;
    }
}