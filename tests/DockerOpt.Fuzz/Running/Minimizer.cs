using System.Diagnostics;

using DockerOpt.Fuzz.Generation;

namespace DockerOpt.Fuzz.Running;

/// <summary>
/// Shrinks a failing input while it still fails the same way (delta debugging): first whole lines in chunks that
/// halve down to one line, then bytes the same way. Bounded by a number of checks and a wall time, so a slow input
/// cannot stall a run; the result is the smallest input found so far.
/// </summary>
internal static class Minimizer
{
    public static byte[] Minimize(byte[] input, Func<byte[], bool> stillFails, int maxChecks = 400, TimeSpan? maxTime = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(stillFails);
        var budget = new Budget(maxChecks, maxTime ?? TimeSpan.FromSeconds(20));
        var lines = ShrinkUnits(ByteLines.Split(input).ConvertAll(line => line), units => stillFails(ByteLines.Join(units)), budget);
        var bytes = ByteLines.Join(lines);
        var single = ShrinkUnits([.. bytes.Select(b => new[] { b })], units => stillFails(ByteLines.Join(units)), budget);
        return ByteLines.Join(single);
    }

    private static List<byte[]> ShrinkUnits(List<byte[]> units, Func<List<byte[]>, bool> stillFails, Budget budget)
    {
        var chunk = Math.Max(1, units.Count / 2);
        while (chunk >= 1 && !budget.Spent)
        {
            var removedAny = false;
            for (var start = 0; start < units.Count && !budget.Spent;)
            {
                var candidate = new List<byte[]>(units);
                candidate.RemoveRange(start, Math.Min(chunk, units.Count - start));
                budget.Use();
                if (candidate.Count < units.Count && stillFails(candidate))
                {
                    units = candidate;
                    removedAny = true;
                }
                else
                {
                    start += chunk;
                }
            }

            if (!removedAny)
            {
                if (chunk == 1)
                {
                    break;
                }

                chunk /= 2;
            }
        }

        return units;
    }

    private sealed class Budget(int maxChecks, TimeSpan maxTime)
    {
        private readonly Stopwatch clock = Stopwatch.StartNew();
        private int checks;

        public bool Spent => checks >= maxChecks || clock.Elapsed > maxTime;

        public void Use() => checks++;
    }
}