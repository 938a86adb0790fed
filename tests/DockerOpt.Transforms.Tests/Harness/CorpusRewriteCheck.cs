using System.Collections.Immutable;
using System.Text;

using DockerOpt.Core.BuildContext;
using DockerOpt.Core.Passes;
using DockerOpt.Core.Rewriting;
using DockerOpt.Syntax;
using DockerOpt.TestKit;

namespace DockerOpt.Transforms.Tests.Harness;

/// <summary>
/// Rewrites every corpus file with one rewriter, options and build context: no exception, no pass-internal decline
/// (edits that overlap, would not parse or ignore a pragma), output that parses with no new diagnostics, and a second
/// run that changes neither the text nor the generated files. Files whose input has errors are skipped.
/// </summary>
public static class CorpusRewriteCheck
{
    /// <summary>The passes together, at the default (safe) level, without a build context.</summary>
    public static int Run(params IRewritePass[] passes) => Run(new Rewriter(passes), RewriteOptions.Default);

    /// <summary>ONE pass at the aggressive level, so every branch runs.</summary>
    public static int RunAggressive(IRewritePass pass)
    {
        ArgumentNullException.ThrowIfNull(pass);
        return Run(new Rewriter([pass]), new RewriteOptions(RewriteLevel.Aggressive, ImmutableHashSet.Create(pass.Info.Id), []));
    }

    /// <summary>Fails the test on any problem (or when the corpus is not all there); returns how many files changed.</summary>
    public static int Run(Rewriter rewriter, RewriteOptions options, IBuildContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(rewriter);
        ArgumentNullException.ThrowIfNull(options);
        context ??= EmptyBuildContext.Instance;
        var problems = new StringBuilder();
        var files = Repo.CorpusFiles();
        var changed = 0;
        foreach (var relative in files)
        {
            var text = File.ReadAllText(Path.Combine(Repo.CorpusDirectory, relative));
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
                    problems.AppendLine($"{relative}:{internalProblem.Line}: {internalProblem.PassId}: {internalProblem.Message}");
                }

                var reparsed = DockerfileParser.Parse(first.RewrittenText, relative);
                var before = first.InputDiagnostics.Length;
                if (reparsed.Diagnostics.Length > before)
                {
                    problems.AppendLine($"{relative}: output has new diagnostics: {string.Join("; ", reparsed.Diagnostics.Skip(before).Take(3))}");
                }

                var second = rewriter.Rewrite(first.RewrittenText, relative, context, options);
                if (!string.Equals(first.RewrittenText, second.RewrittenText, StringComparison.Ordinal)
                    || !second.Files.Select(f => f.Content).SequenceEqual(first.Files.Select(f => f.Content)))
                {
                    var culprits = second.Passes.Where(p => p.Changed).Select(p => p.Info.Id);
                    problems.AppendLine($"{relative}: not idempotent (a second run changed it again: {string.Join(", ", culprits)})");
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                problems.AppendLine($"{relative}: {ex.GetType().Name}: {ex.Message}");
            }
        }

        var passes = string.Join(", ", rewriter.Passes.Select(p => p.Info.Id));
        Assert.True(problems.Length == 0, $"{passes} ({options.Level}): {files.Count} corpus files, {changed} rewritten; problems:\n{problems}");
        Assert.True(files.Count > 2000, $"expected the whole corpus (2,249 files), found {files.Count}");
        return changed;
    }
}