using DockerOpt.Core.BuildContext;
using DockerOpt.Core.Passes;
using DockerOpt.TestKit;
using DockerOpt.Transforms.Tests.Harness;

namespace DockerOpt.Transforms.Tests.Pipeline;

/// <summary>
/// What a user gets on the bundled examples: the whole pipeline's rewrite of each naive Dockerfile, the
/// reasons, and the proposed .dockerignore are committed snapshots (tests/snapshots/examples/NAME/), reviewed
/// like code. The engine tests prove these rewrites build, run and are smaller.
/// </summary>
public sealed class ExampleRewriteTests
{
    [Theory]
    [InlineData("node")]
    [InlineData("python")]
    [InlineData("go")]
    [InlineData("go-multistage")]
    [InlineData("node-slim")]
    [InlineData("node-devdeps")]
    [InlineData("rust")]
    public void The_rewrite_of_each_example_is_the_reviewed_one_and_stable(string example)
    {
        var directory = Path.Combine(Repo.ExamplesDirectory, example);
        var text = File.ReadAllText(Path.Combine(directory, "Dockerfile"));
        var context = new FileSystemBuildContext(directory);
        var rewriter = PassRegistry.CreateRewriter();

        var result = rewriter.Rewrite(text, "Dockerfile", context, RewriteOptions.Default);

        var folder = $"examples/{example}";
        Snapshot.VerifyExact(result.RewrittenText, folder, "rewrite");
        Snapshot.VerifyText(PassCaseRunner.RenderFindings(result), folder, "findings");
        var dockerignore = result.Files.SingleOrDefault(f => f.RelativePath == ".dockerignore");
        Snapshot.VerifyText(dockerignore?.Content ?? "(no .dockerignore proposed)\n", folder, "dockerignore");

        var again = rewriter.Rewrite(result.RewrittenText, "Dockerfile", context, RewriteOptions.Default);
        Assert.Equal(result.RewrittenText, again.RewrittenText);
    }

    [Theory]
    [InlineData("node")]
    [InlineData("python")]
    [InlineData("go")]
    [InlineData("go-multistage")]
    [InlineData("node-slim")]
    [InlineData("node-devdeps")]
    [InlineData("rust")]
    public void The_report_never_says_the_same_thing_twice_on_one_line(string example)
    {
        var directory = Path.Combine(Repo.ExamplesDirectory, example);
        var text = File.ReadAllText(Path.Combine(directory, "Dockerfile"));

        var result = PassRegistry.CreateRewriter().Rewrite(text, "Dockerfile", new FileSystemBuildContext(directory), RewriteOptions.Default);

        var repeated = result.Findings.GroupBy(f => (f.Line, f.PassId, f.Message)).Where(g => g.Count() > 1).Select(g => $"line {g.Key.Line}: {g.Key.PassId}: {g.Key.Message}");
        Assert.Empty(repeated);
    }
}