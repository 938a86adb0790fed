namespace DockerOpt.Fuzz.Generation;

/// <summary>
/// Makes input <c>index</c> of run <c>seed</c>: a corpus file picked at random, then one to six mutations drawn by
/// weight and applied in turn, and for a few inputs one scale mutation (huge inputs cost far more to check than the
/// others, so they are drawn apart, at <see cref="ScaleShare"/>). Depends on nothing but (seed, index) and the corpus,
/// so any input is made again alone.
/// </summary>
internal sealed class InputGenerator
{
    /// <summary>The share of inputs that get one scale mutation (deep nesting, long lines, many instructions).</summary>
    public const double ScaleShare = 0.03;

    private readonly SeedCorpus corpus;
    private readonly Mutation[] mutations;
    private readonly Mutation[] scaleMutations;
    private readonly int totalWeight;
    private readonly int scaleWeight;

    public InputGenerator(SeedCorpus corpus)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        this.corpus = corpus;
        mutations = [.. Catalog];
        scaleMutations = [.. ScaleMutations.All];
        totalWeight = mutations.Sum(m => m.Weight);
        scaleWeight = scaleMutations.Sum(m => m.Weight);
    }

    /// <summary>Every mutation of ordinary size, by family.</summary>
    public static IEnumerable<Mutation> Catalog => ByteMutations.All.Concat(LineMutations.All).Concat(SyntaxMutations.All);

    public FuzzInput Generate(long seed, long index)
    {
        var random = FuzzRandom.For(seed, index);
        var baseIndex = random.Next(corpus.Count);
        var bytes = corpus.Bytes(baseIndex);
        var applied = new List<string>();

        // 1 mutation half the time, 2 a quarter, ... up to 6; one input in 50 is a corpus file unchanged.
        var count = random.Chance(0.02) ? 0 : 1;
        while (count is > 0 and < 6 && random.Chance(0.5))
        {
            count++;
        }

        var scaleAt = random.Chance(ScaleShare) ? random.Next(count + 1) : -1;
        for (var i = 0; i <= count; i++)
        {
            if (i == scaleAt)
            {
                Apply(Draw(random, scaleMutations, scaleWeight));
            }

            if (i < count)
            {
                Apply(Draw(random, mutations, totalWeight));
            }
        }

        return new FuzzInput(seed, index, corpus.Names[baseIndex], applied, bytes);

        void Apply(Mutation mutation)
        {
            bytes = mutation.Apply(new MutationInput(bytes, random, corpus));
            applied.Add(mutation.Name);
        }
    }

    private static Mutation Draw(FuzzRandom random, Mutation[] mutations, int totalWeight)
    {
        var ticket = random.Next(totalWeight);
        foreach (var mutation in mutations)
        {
            ticket -= mutation.Weight;
            if (ticket < 0)
            {
                return mutation;
            }
        }

        return mutations[^1];
    }
}