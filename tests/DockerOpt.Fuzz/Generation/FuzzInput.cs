namespace DockerOpt.Fuzz.Generation;

/// <summary>One generated input: where it came from (seed, index, base file, mutations in order) and its bytes.</summary>
internal sealed record FuzzInput(long Seed, long Index, string BaseFile, IReadOnlyList<string> Mutations, byte[] Bytes)
{
    /// <summary>How the input was made, e.g. <c>seed 1 index 42: go/app/Dockerfile + splice-lines, continuation-at-eof</c>.</summary>
    public string Describe() =>
        $"seed {Seed} index {Index}: {BaseFile} + {(Mutations.Count == 0 ? "(unchanged)" : string.Join(", ", Mutations))} ({Bytes.Length} bytes)";
}