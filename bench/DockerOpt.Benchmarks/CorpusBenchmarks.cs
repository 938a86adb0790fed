using BenchmarkDotNet.Attributes;

using DockerOpt.Core.BuildContext;
using DockerOpt.Core.Passes;
using DockerOpt.Core.Rewriting;
using DockerOpt.Syntax;
using DockerOpt.Transforms;

namespace DockerOpt.Benchmarks;

/// <summary>
/// Whole-corpus throughput: one operation = every corpus file once. Files/s and MB/s follow from the mean and
/// the counts printed in the global setup (BENCHMARKS.md shows the arithmetic).
/// </summary>
[MemoryDiagnoser]
public class CorpusBenchmarks
{
    private IReadOnlyList<(string Path, string Text)> files = [];
    private Rewriter rewriter = PassRegistry.CreateRewriter();

    [GlobalSetup]
    public void Setup()
    {
        files = Corpus.Load();
        rewriter = PassRegistry.CreateRewriter();
        var bytes = files.Sum(f => (long)System.Text.Encoding.UTF8.GetByteCount(f.Text));
        Console.WriteLine($"// corpus: {files.Count} files, {bytes} bytes, {rewriter.Passes.Length} passes");
    }

    [Benchmark(Description = "parse + print (whole corpus)")]
    public int ParseAndPrint()
    {
        var total = 0;
        foreach (var (path, text) in files)
        {
            total += DockerfileParser.Parse(text, path).ToFullString().Length;
        }

        return total;
    }

    [Benchmark(Description = "rewrite, all passes (whole corpus)")]
    public int Rewrite()
    {
        var total = 0;
        foreach (var (path, text) in files)
        {
            total += rewriter.Rewrite(text, path, EmptyBuildContext.Instance, RewriteOptions.Default).RewrittenText.Length;
        }

        return total;
    }
}