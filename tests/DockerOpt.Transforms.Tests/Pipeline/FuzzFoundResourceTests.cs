using DockerOpt.Core.BuildContext;
using DockerOpt.Core.Passes;
using DockerOpt.Core.Rewriting;

namespace DockerOpt.Transforms.Tests.Pipeline;

/// <summary>
/// Inputs the fuzz harness (tests/DockerOpt.Fuzz) found where a rewrite took far more memory than the file's size
/// explains. Allocation is measured on this thread against a comparable ordinary file, never against the clock.
/// </summary>
public sealed class FuzzFoundResourceTests
{
    private const int Commands = 1_000;

    // Seed 14, input 13899 of `bash scripts/fuzz/run.sh --seed 14 --cli 300`: `RUN apt-get update ; ; ; ...` with about
    // 5,600 empty commands (22.7 KB) allocated 2.6 GB at 3d932ce: each empty command is an opaque part of the RUN, and
    // every program name asked about for every opaque part compiled a regex of its own (TextMentions; f42d380 searches
    // for the word first).
    [Fact]
    public void A_RUN_of_a_thousand_empty_commands_allocates_no_more_than_a_RUN_of_a_thousand_ordinary_ones()
    {
        var emptyCommands = "FROM debian\nRUN apt-get update " + string.Concat(Enumerable.Repeat("; ", Commands)) + "\n";
        var ordinaryCommands = "FROM debian\nRUN apt-get update " + string.Concat(Enumerable.Repeat("; true ", Commands)) + "\n";
        var rewriter = PassRegistry.CreateRewriter();
        AllocatedByRewrite(rewriter, "FROM debian\nRUN apt-get update ; ; true\n");

        var empty = AllocatedByRewrite(rewriter, emptyCommands);
        var ordinary = AllocatedByRewrite(rewriter, ordinaryCommands);

        Assert.True(empty <= ordinary, $"{Commands} empty commands allocated {empty >> 10} KB, {Commands} ordinary ones {ordinary >> 10} KB");
    }

    private static long AllocatedByRewrite(Rewriter rewriter, string text)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        rewriter.Rewrite(text, "Dockerfile", EmptyBuildContext.Instance, RewriteOptions.Default);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}