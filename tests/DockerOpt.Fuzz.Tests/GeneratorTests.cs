using DockerOpt.Fuzz.Generation;

namespace DockerOpt.Fuzz.Tests;

public class GeneratorTests
{
    private static readonly SeedCorpus Corpus = SeedCorpus.Of(
        "FROM debian:bookworm\nRUN apt-get update && \\\n    apt-get install -y curl\nCOPY . /app\nCMD [\"/app/run\"]\n",
        "FROM node:20\nWORKDIR /app\nCOPY package.json .\nRUN npm ci\nUSER node\n");

    [Fact]
    public void A_failure_is_reproduced_from_its_seed_and_index_alone()
    {
        var first = new InputGenerator(Corpus).Generate(seed: 7, index: 1234);
        var again = new InputGenerator(Corpus).Generate(seed: 7, index: 1234);

        Assert.Equal(first.Bytes, again.Bytes);
        Assert.Equal(first.Mutations, again.Mutations);
        Assert.Equal(first.BaseFile, again.BaseFile);
    }

    [Fact]
    public void Inputs_of_one_run_differ_from_each_other_and_from_other_seeds()
    {
        var generator = new InputGenerator(Corpus);
        var inputs = Enumerable.Range(0, 200).Select(i => Convert.ToHexString(generator.Generate(1, i).Bytes)).ToList();
        var otherSeed = Enumerable.Range(0, 200).Select(i => Convert.ToHexString(generator.Generate(2, i).Bytes)).ToList();

        Assert.True(inputs.Distinct().Count() > 150, $"only {inputs.Distinct().Count()} distinct inputs of 200");
        Assert.True(inputs.Zip(otherSeed).Count(pair => pair.First != pair.Second) > 150);
    }

    [Fact]
    public void Every_mutation_family_is_drawn_in_a_run()
    {
        var generator = new InputGenerator(Corpus);
        var drawn = Enumerable.Range(0, 5000).SelectMany(i => generator.Generate(3, i).Mutations).ToHashSet(StringComparer.Ordinal);
        var catalog = InputGenerator.Catalog.Concat(ScaleMutations.All).Select(m => m.Name);

        Assert.Empty(catalog.Except(drawn));
    }

    [Fact]
    public void A_continuation_at_the_end_of_the_file_leaves_a_last_instruction_line_ending_in_an_escape()
    {
        var mutation = SyntaxMutations.All.Single(m => m.Name == "continuation-at-eof");
        var outputs = Enumerable.Range(0, 50)
            .Select(i => System.Text.Encoding.UTF8.GetString(mutation.Apply(new MutationInput(Corpus.Bytes(0), FuzzRandom.For(1, i), Corpus))))
            .ToList();

        Assert.All(outputs, text => Assert.Contains("curl\n", text, StringComparison.Ordinal));
        Assert.All(outputs, text => Assert.Matches(@"CMD \[""/app/run""\] ?[\\`]", text));
    }

    [Fact]
    public void Deep_nesting_reaches_tens_of_thousands_of_levels_but_mostly_stays_small()
    {
        var mutation = ScaleMutations.All.Single(m => m.Name == "deep-nesting");
        var depths = Enumerable.Range(0, 400)
            .Select(i => System.Text.Encoding.UTF8.GetString(mutation.Apply(new MutationInput(Corpus.Bytes(1), FuzzRandom.For(5, i), Corpus))))
            .Select(text => text.Split("${a", StringSplitOptions.None).Length - 1)
            .ToList();

        Assert.Contains(depths, depth => depth > 10_000);
        Assert.True(depths.Count(depth => depth < 1_000) > 200, "most nestings are shallow");
        Assert.All(depths, depth => Assert.InRange(depth, 1, ScaleMutations.MaxCount));
    }
}