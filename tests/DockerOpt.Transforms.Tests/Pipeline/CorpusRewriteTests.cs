using System.Text;

using DockerOpt.Core.BuildContext;
using DockerOpt.Core.Passes;
using DockerOpt.Syntax;
using DockerOpt.TestKit;

namespace DockerOpt.Transforms.Tests.Pipeline;

/// <summary>
/// Every real-world Dockerfile in ../shared/corpus goes through the whole pipeline: no exception, the output
/// parses with no new diagnostics, and rewriting the output again changes nothing.
/// </summary>
public sealed class CorpusRewriteTests
{
    [CorpusFact]
    public void Every_corpus_file_rewrites_cleanly_and_idempotently()
    {
        var rewriter = PassRegistry.CreateRewriter();
        var problems = new StringBuilder();
        var files = Repo.CorpusFiles();
        var changed = 0;
        foreach (var relative in files)
        {
            var text = File.ReadAllText(Path.Combine(Repo.CorpusDirectory, relative));
            try
            {
                var first = rewriter.Rewrite(text, relative, EmptyBuildContext.Instance, RewriteOptions.Default);
                if (first.InputHasErrors)
                {
                    continue;
                }

                changed += first.HasChanges ? 1 : 0;
                var reparsed = DockerfileParser.Parse(first.RewrittenText, relative);
                var before = first.InputDiagnostics.Length;
                if (reparsed.Diagnostics.Length > before)
                {
                    problems.AppendLine($"{relative}: output has new diagnostics: {string.Join("; ", reparsed.Diagnostics.Skip(before).Take(2))}");
                }

                var second = rewriter.Rewrite(first.RewrittenText, relative, EmptyBuildContext.Instance, RewriteOptions.Default);
                if (!string.Equals(first.RewrittenText, second.RewrittenText, StringComparison.Ordinal))
                {
                    var culprits = second.Passes.Where(p => p.Changed).Select(p => p.Info.Id);
                    problems.AppendLine($"{relative}: not idempotent (second run changed it again: {string.Join(", ", culprits)})");
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                problems.AppendLine($"{relative}: {ex.GetType().Name}: {ex.Message}");
            }
        }

        Assert.True(problems.Length == 0, $"{files.Count} corpus files, {changed} rewritten; problems:\n{problems}");
        Assert.True(files.Count > 2000, $"expected the whole corpus (2,249 files), found {files.Count}");
    }
}