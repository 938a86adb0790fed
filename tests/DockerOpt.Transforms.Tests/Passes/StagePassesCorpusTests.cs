using System.Text;

using DockerOpt.Core.BuildContext;
using DockerOpt.Core.Passes;
using DockerOpt.Core.Rewriting;
using DockerOpt.Syntax;
using DockerOpt.TestKit;
using DockerOpt.Transforms.Passes;

namespace DockerOpt.Transforms.Tests.Passes;

/// <summary>
/// The structural passes (multi-stage, base-image, manifests-first), each on its own and at both levels, over every
/// corpus file: with no context and with a context that holds the common manifests (so the editing paths run on
/// real, messy files). No exception, output that parses with no new diagnostics, and a second run changes nothing.
/// </summary>
public sealed class StagePassesCorpusTests
{
    private static readonly InMemoryBuildContext ManifestContext = new(new Dictionary<string, string>
    {
        ["package.json"] = "{ \"name\": \"app\", \"scripts\": { \"build\": \"tsc\", \"start\": \"node dist/index.js\" } }",
        ["package-lock.json"] = "{ \"lockfileVersion\": 3, \"packages\": {} }",
        ["tsconfig.json"] = "{ \"compilerOptions\": { \"outDir\": \"dist\" } }",
        ["requirements.txt"] = "flask\n",
        ["go.mod"] = "module example.com/app\n\ngo 1.22\n",
        ["go.sum"] = string.Empty,
    });

    public static TheoryData<string> Passes => [MultiStagePass.Id, BaseImagePass.Id, ManifestsFirstPass.Id];

    [CorpusTheory]
    [MemberData(nameof(Passes))]
    public void Every_corpus_file_survives_the_pass_unchanged_in_meaning_of_syntax(string passId)
    {
        IRewritePass pass = passId switch
        {
            BaseImagePass.Id => new BaseImagePass(),
            MultiStagePass.Id => new MultiStagePass(),
            _ => new ManifestsFirstPass(),
        };
        var rewriter = new Rewriter([pass]);
        var problems = new StringBuilder();
        var changed = 0;
        var files = Repo.CorpusFiles();
        foreach (var relative in files)
        {
            var text = File.ReadAllText(Path.Combine(Repo.CorpusDirectory, relative));
            foreach (var (context, level) in new (IBuildContext, RewriteLevel)[] { (EmptyBuildContext.Instance, RewriteLevel.Safe), (ManifestContext, RewriteLevel.Aggressive) })
            {
                var options = new RewriteOptions(level, [], []);
                try
                {
                    var first = rewriter.Rewrite(text, relative, context, options);
                    if (first.InputHasErrors)
                    {
                        break;
                    }

                    changed += first.HasChanges ? 1 : 0;
                    var internalErrors = first.Findings.Where(f => f.Message.StartsWith("internal:", StringComparison.Ordinal)).ToList();
                    if (internalErrors.Count > 0)
                    {
                        problems.AppendLine($"{relative}: {internalErrors[0].Message}");
                    }

                    var reparsed = DockerfileParser.Parse(first.RewrittenText, relative);
                    if (reparsed.Diagnostics.Length > first.InputDiagnostics.Length)
                    {
                        problems.AppendLine($"{relative}: new diagnostics: {reparsed.Diagnostics[^1]}");
                    }

                    var second = rewriter.Rewrite(first.RewrittenText, relative, context, options);
                    if (!string.Equals(first.RewrittenText, second.RewrittenText, StringComparison.Ordinal))
                    {
                        problems.AppendLine($"{relative} ({level}): not idempotent");
                    }
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    problems.AppendLine($"{relative}: {ex.GetType().Name}: {ex.Message}");
                }
            }
        }

        Assert.True(problems.Length == 0, $"{passId}: {files.Count} files, {changed} rewrites; problems:\n{problems}");
        Assert.True(changed > 0, $"{passId} changed none of {files.Count} corpus files");
    }
}