using System.Text;

using DockerOpt.TestKit;

using Xunit.Abstractions;

namespace DockerOpt.Syntax.Tests;

public sealed class CorpusTests(ITestOutputHelper output)
{
    /// <summary>Corpus files that are deliberately invalid (test data of other tools); BuildKit rejects them too.</summary>
    private static readonly Dictionary<string, string> RejectedByBuildKit = new(StringComparer.Ordinal)
    {
        ["openshift__imagebuilder/dockerclient__testdata__Dockerfile.badhealthcheck"] = "HEALTHCHECK without arguments",
        ["containers__buildah/tests__bud__add-chmod__Dockerfile.bad"] = "--chmod without a value",
        ["containers__buildah/tests__bud__add-chown__Dockerfile.bad"] = "--chown without a value",
        ["containers__buildah/tests__bud__copy-chmod__Dockerfile.bad"] = "--chmod without a value",
        ["containers__buildah/tests__bud__copy-chown__Dockerfile.bad"] = "--chown without a value",
        ["containers__buildah/tests__bud__copy-from__Dockerfile.bad"] = "--from without a value",
        ["containers__buildah/tests__bud__copy-multistage-paths__Dockerfile.invalid_from"] = "--from without a value",
    };

    [CorpusFact]
    public void Every_corpus_file_round_trips_byte_for_byte()
    {
        IReadOnlyList<string> files = Repo.CorpusFiles();
        var failures = new List<string>();
        int roundTripped = 0;
        foreach (string file in files)
        {
            byte[] bytes = File.ReadAllBytes(Path.Combine(Repo.CorpusDirectory, file));
            LoadResult result = DockerfileLoader.Decode(bytes, file);
            if (result.Syntax is null)
            {
                failures.Add($"{file}: not loaded: {string.Join("; ", result.Diagnostics)}");
                continue;
            }

            string? violation = TreeLaws.Violation(result.Syntax);
            byte[] printed = new UTF8Encoding(false).GetBytes(result.Syntax.ToFullString());
            if (violation is not null || !printed.AsSpan().SequenceEqual(bytes))
            {
                failures.Add($"{file}: {violation ?? "printed bytes differ"}");
                continue;
            }

            roundTripped++;
        }

        output.WriteLine($"{roundTripped}/{files.Count} corpus files round-trip byte-identical");
        Assert.True(files.Count > 1000, $"expected the whole corpus, found {files.Count} files");
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [CorpusFact]
    public void Corpus_files_produce_no_parse_errors()
    {
        var withErrors = new List<string>();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        int withAnyDiagnostic = 0;
        foreach (string file in Repo.CorpusFiles())
        {
            DockerfileSyntax syntax = DockerfileParser.Parse(File.ReadAllText(Path.Combine(Repo.CorpusDirectory, file)), file);
            if (!syntax.Diagnostics.IsEmpty)
            {
                withAnyDiagnostic++;
            }

            if (RejectedByBuildKit.TryGetValue(file, out string? reason))
            {
                Assert.True(syntax.HasErrors, $"{file} should be reported as invalid: {reason}");
            }

            foreach (Diagnostic diagnostic in syntax.Diagnostics)
            {
                string key = $"{diagnostic.SeverityText} {diagnostic.Id}";
                counts[key] = counts.GetValueOrDefault(key) + 1;
                if (diagnostic.Severity == DiagnosticSeverity.Error && !RejectedByBuildKit.ContainsKey(file))
                {
                    withErrors.Add(diagnostic.ToString());
                }
            }
        }

        output.WriteLine($"{withAnyDiagnostic} corpus files have diagnostics");
        foreach ((string key, int count) in counts.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {count} x {key}");
        }

        Assert.True(withErrors.Count == 0, string.Join('\n', withErrors));
    }
}