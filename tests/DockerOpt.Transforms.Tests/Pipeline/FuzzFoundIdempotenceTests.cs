using DockerOpt.Core.BuildContext;
using DockerOpt.Core.Passes;
using DockerOpt.Core.Rewriting;

namespace DockerOpt.Transforms.Tests.Pipeline;

/// <summary>
/// Inputs the fuzz harness (tests/DockerOpt.Fuzz) found where one pass's edit changed another pass's decision, so a
/// second rewrite changed the file again. Each is the minimized input; the whole pipeline must be idempotent on it.
/// </summary>
public sealed class FuzzFoundIdempotenceTests
{
    [Fact]
    public void An_ENTRYPOINT_whose_quotes_glue_a_letter_to_dotnet_is_read_as_its_exec_form_so_a_second_rewrite_changes_nothing()
    {
        var rewriter = new Rewriter(PassRegistry.All);
        const string Input = "FROM m\nRUN dotnet publish\nENTRYPOINT c\"dotnet\"\"\"\n";

        var first = rewriter.Rewrite(Input, "Dockerfile", EmptyBuildContext.Instance, RewriteOptions.Default);
        var second = rewriter.Rewrite(first.RewrittenText, "Dockerfile", EmptyBuildContext.Instance, RewriteOptions.Default);

        Assert.Contains("ENTRYPOINT [\"cdotnet\"]", first.RewrittenText, StringComparison.Ordinal);
        Assert.Equal(first.RewrittenText, second.RewrittenText);
    }

    [Fact]
    public void An_apt_install_without_update_leaves_no_lists_so_the_cleanup_package_hygiene_adds_to_the_next_RUN_merges_nothing()
    {
        // Seed 14, inputs 8758 and 16892: the first RUN's install sits in a pipeline package-hygiene leaves alone; the
        // second gains update, -y and the lists cleanup. Without an update the first RUN leaves no lists, so merging
        // them would save nothing, in the first rewrite or the second.
        var rewriter = new Rewriter(PassRegistry.All);
        const string Input = "FROM e\nRUN apt-get install|\"\"\nRUN e&&apt-get install";

        var first = rewriter.Rewrite(Input, "Dockerfile", EmptyBuildContext.Instance, RewriteOptions.Default);
        var second = rewriter.Rewrite(first.RewrittenText, "Dockerfile", EmptyBuildContext.Instance, RewriteOptions.Default);

        Assert.StartsWith("FROM e\nRUN apt-get install|\"\"\nRUN e&&apt-get update", first.RewrittenText, StringComparison.Ordinal);
        Assert.EndsWith("rm -rf /var/lib/apt/lists/*", first.RewrittenText, StringComparison.Ordinal);
        Assert.False(Assert.Single(first.Passes, static pass => pass.Info.Id == "merge-run").Changed);
        Assert.Equal(first.RewrittenText, second.RewrittenText);
    }

    [Fact]
    public void A_dnf_cache_the_next_RUN_cleans_only_after_package_hygiene_ran_is_merged_in_the_same_rewrite()
    {
        // Seed 14, input 14775: package-hygiene appends `yum clean all` to the second RUN after merge-run ran; that
        // cleanup deletes the dnf cache the first RUN leaves, so merge-run runs again and merges them at once. (The
        // second RUN has three commands here, as `y&&yum upgrade` would now keep its two: a third is what tally's
        // prefer-run-heredoc reports, so package-hygiene no longer appends it there.)
        var rewriter = new Rewriter(PassRegistry.All);
        const string Input = "FROM e\nRUN dnf install|\"\"\nRUN y&&z&&yum upgrade";

        var first = rewriter.Rewrite(Input, "Dockerfile", EmptyBuildContext.Instance, RewriteOptions.Default);
        var second = rewriter.Rewrite(first.RewrittenText, "Dockerfile", EmptyBuildContext.Instance, RewriteOptions.Default);

        var merge = Assert.Single(first.Passes, static pass => pass.Info.Id == "merge-run");
        Assert.True(merge.Changed);
        Assert.Contains(merge.Findings, static finding => finding.Kind == FindingKind.Applied && finding.Message.Contains("`yum clean all`", StringComparison.Ordinal));
        Assert.Equal(first.RewrittenText, second.RewrittenText);
    }
}