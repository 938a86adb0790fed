using System.Text;

using DockerOpt.Core.BuildContext;
using DockerOpt.Core.Passes;
using DockerOpt.Core.Rewriting;
using DockerOpt.Syntax;
using DockerOpt.TestKit;

namespace DockerOpt.Transforms.Tests.Passes;

/// <summary>
/// Runs some passes over every corpus file: no exception, no pass dropped for unparsable output, output parses with
/// no new diagnostics, a second run changes nothing. Returns how many files changed, for the test's message.
/// </summary>
internal static class CorpusCheck
{
    public static int Run(params IRewritePass[] passes)
    {
        var rewriter = new Rewriter(passes);
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
                foreach (var internalError in first.Findings.Where(f => f.Message.StartsWith("internal:", StringComparison.Ordinal)))
                {
                    problems.AppendLine($"{relative}: {internalError.PassId}: {internalError.Message}");
                }

                var reparsed = DockerfileParser.Parse(first.RewrittenText, relative);
                if (reparsed.Diagnostics.Length > first.InputDiagnostics.Length)
                {
                    problems.AppendLine($"{relative}: output has new diagnostics: {string.Join("; ", reparsed.Diagnostics.Take(2))}");
                }

                var second = rewriter.Rewrite(first.RewrittenText, relative, EmptyBuildContext.Instance, RewriteOptions.Default);
                if (!string.Equals(first.RewrittenText, second.RewrittenText, StringComparison.Ordinal))
                {
                    var culprits = string.Join(", ", second.Passes.Where(p => p.Changed).Select(p => p.Info.Id));
                    problems.AppendLine($"{relative}: not idempotent ({culprits})");
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                problems.AppendLine($"{relative}: {ex.GetType().Name}: {ex.Message}");
            }
        }

        Assert.True(problems.Length == 0, $"{files.Count} corpus files, {changed} rewritten; problems:\n{problems}");
        Assert.True(files.Count > 2000, $"expected the whole corpus, found {files.Count}");
        return changed;
    }
}