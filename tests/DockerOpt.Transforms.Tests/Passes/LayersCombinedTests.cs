using System.Collections.Immutable;

using DockerOpt.Core.BuildContext;
using DockerOpt.Core.Passes;
using DockerOpt.Core.Rewriting;
using DockerOpt.TestKit;
using DockerOpt.Transforms.Passes;
using DockerOpt.Transforms.Tests.Harness;

namespace DockerOpt.Transforms.Tests.Passes;

/// <summary>
/// The four layer passes together, in pipeline order, on realistic naive Dockerfiles: the result is what an expert
/// writes for apt + pip / npm installs (one layer per step, cache mounts instead of cleanup, no stale lists, lockfile
/// installs), and running the four again changes nothing.
/// </summary>
public sealed class LayersCombinedTests
{
    private const string Folder = "transforms/_layers-combined";

    public static TheoryData<string> Cases
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var name in Snapshot.Cases(Folder))
            {
                data.Add(name);
            }

            return data;
        }
    }

    private static ImmutableArray<IRewritePass> Passes =>
        [new SameLayerCleanupPass(), new MergeRunPass(), new CacheMountsPass(), new PackageHygienePass()];

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_layer_passes_together_turn_a_naive_Dockerfile_into_an_expert_one(string caseName)
    {
        var folder = $"{Folder}/{caseName}";
        var input = Snapshot.ReadInput(folder, "input.Dockerfile");
        var contextDirectory = Path.Combine(Repo.SnapshotsDirectory, folder, "context");
        IBuildContext context = Directory.Exists(contextDirectory)
            ? new InMemoryBuildContext(Directory.EnumerateFiles(contextDirectory, "*", SearchOption.AllDirectories)
                .ToDictionary(path => Path.GetRelativePath(contextDirectory, path).Replace('\\', '/'), File.ReadAllText, StringComparer.Ordinal))
            : EmptyBuildContext.Instance;
        var rewriter = new Rewriter(Passes);

        var result = rewriter.Rewrite(input, "Dockerfile", context, RewriteOptions.Default);

        Snapshot.VerifyExact(result.RewrittenText, folder, "output");
        Snapshot.VerifyText(PassCaseRunner.RenderFindings(result), folder, "findings");
        var again = rewriter.Rewrite(result.RewrittenText, "Dockerfile", context, RewriteOptions.Default);
        Assert.Equal(result.RewrittenText, again.RewrittenText);
    }

    [CorpusFact]
    public void Every_corpus_file_survives_the_four_passes_idempotently() =>
        CorpusRewriteCheck.Run([.. Passes]);
}