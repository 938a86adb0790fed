namespace DockerOpt.Fuzz.Generation;

/// <summary>One named way of changing an input, with how often it is drawn relative to the others.</summary>
/// <param name="Name">Stable id, recorded with every input (e.g. <c>continuation-at-eof</c>).</param>
/// <param name="Weight">Relative frequency.</param>
/// <param name="Apply">Returns the mutated bytes; may use another corpus file (line splicing).</param>
internal sealed record Mutation(string Name, int Weight, Func<MutationInput, byte[]> Apply);

/// <summary>What a mutation works on: the current bytes, its random source and the corpus to borrow from.</summary>
internal sealed record MutationInput(byte[] Bytes, FuzzRandom Random, SeedCorpus Corpus);