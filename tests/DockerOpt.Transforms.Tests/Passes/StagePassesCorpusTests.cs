using DockerOpt.Core.BuildContext;
using DockerOpt.Core.Passes;
using DockerOpt.Core.Rewriting;
using DockerOpt.TestKit;
using DockerOpt.Transforms.Passes;
using DockerOpt.Transforms.Tests.Harness;

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
        var changed = CorpusRewriteCheck.Run(rewriter, RewriteOptions.Default)
            + CorpusRewriteCheck.Run(rewriter, new RewriteOptions(RewriteLevel.Aggressive, [], []), ManifestContext);
        Assert.True(changed > 0, $"{passId} changed none of the corpus files");
    }
}