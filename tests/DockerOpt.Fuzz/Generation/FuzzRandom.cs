namespace DockerOpt.Fuzz.Generation;

/// <summary>
/// A small deterministic random source (SplitMix64), derived from (seed, index) alone, so input N of seed S is the
/// same bytes on every machine, every run and every worker: a failure is reproduced from those two numbers.
/// System.Random is not used because its seeded sequence is an implementation detail and it takes one int seed.
/// </summary>
internal sealed class FuzzRandom
{
    private ulong state;

    private FuzzRandom(ulong state)
    {
        this.state = state;
    }

    /// <summary>The random source of input <paramref name="index"/> in run <paramref name="seed"/>.</summary>
    public static FuzzRandom For(long seed, long index)
    {
        var mixer = new FuzzRandom(unchecked((ulong)seed * 0x9E3779B97F4A7C15UL));
        var start = mixer.NextUInt64() ^ unchecked((ulong)index * 0xD1B54A32D192ED03UL);
        return new FuzzRandom(start);
    }

    public ulong NextUInt64()
    {
        unchecked
        {
            var z = state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>A number in [0, <paramref name="maxExclusive"/>).</summary>
    public int Next(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        return (int)(NextUInt64() % (ulong)maxExclusive);
    }

    /// <summary>A number in [<paramref name="min"/>, <paramref name="maxInclusive"/>].</summary>
    public int Between(int min, int maxInclusive) => min + Next(maxInclusive - min + 1);

    /// <summary>A size spread evenly over orders of magnitude in [1, <paramref name="max"/>]: mostly small, sometimes huge.</summary>
    public int LogUniform(int max)
    {
        var exponent = NextDouble() * Math.Log(max);
        return Math.Clamp((int)Math.Exp(exponent), 1, max);
    }

    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items[Next(items.Count)];
    }
}