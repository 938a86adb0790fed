using System.Collections.Immutable;
using System.Text;

using DockerOpt.Core.BuildContext;
using DockerOpt.Core.Passes;
using DockerOpt.Core.Rewriting;
using DockerOpt.Syntax;
using DockerOpt.TestKit;

namespace DockerOpt.Transforms.Tests.Passes;

/// <summary>
/// Runs ONE pass over every corpus file (at the aggressive level, so every branch runs): no exception, no
/// pass-internal decline (edits that overlap, would not parse or ignore a pragma), output that parses without new
/// diagnostics, and a second run that changes nothing. Returns how many files it changed, for the test to report.
/// </summary>
public static class RuntimePassCorpus
{
    public static int Check(IRewritePass pass, Func<string, string, IBuildContext>? contextFor = null)
    {
        ArgumentNullException.ThrowIfNull(pass);
        var rewriter = new Rewriter([pass]);
        var options = new RewriteOptions(RewriteLevel.Aggressive, ImmutableHashSet.Create(pass.Info.Id), []);
        var problems = new StringBuilder();
        var changed = 0;
        var files = Repo.CorpusFiles();
        foreach (var relative in files)
        {
            var text = File.ReadAllText(Path.Combine(Repo.CorpusDirectory, relative));
            var context = contextFor?.Invoke(relative, text) ?? EmptyBuildContext.Instance;
            try
            {
                var first = rewriter.Rewrite(text, relative, context, options);
                if (first.InputHasErrors)
                {
                    continue;
                }

                changed += first.HasChanges ? 1 : 0;
                foreach (var internalProblem in first.Findings.Where(f => f.Message.StartsWith("internal:", StringComparison.Ordinal)))
                {
                    problems.AppendLine($"{relative}:{internalProblem.Line}: {internalProblem.Message}");
                }

                var reparsed = DockerfileParser.Parse(first.RewrittenText, relative);
                if (reparsed.Diagnostics.Length > first.InputDiagnostics.Length)
                {
                    problems.AppendLine($"{relative}: output has new diagnostics: {string.Join("; ", reparsed.Diagnostics.Take(3))}");
                }

                var second = rewriter.Rewrite(first.RewrittenText, relative, context, options);
                if (!string.Equals(first.RewrittenText, second.RewrittenText, StringComparison.Ordinal)
                    || !second.Files.Select(f => f.Content).SequenceEqual(first.Files.Select(f => f.Content)))
                {
                    problems.AppendLine($"{relative}: not idempotent");
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                problems.AppendLine($"{relative}: {ex.GetType().Name}: {ex.Message}");
            }
        }

        Assert.True(problems.Length == 0, $"{pass.Info.Id}: {files.Count} corpus files, {changed} changed; problems:\n{problems}");
        return changed;
    }
}