using System.Collections.Immutable;
using System.Text;

using DockerOpt.Core.Editing;
using DockerOpt.Core.Passes;
using DockerOpt.Fuzz.Properties;
using DockerOpt.Syntax;
using DockerOpt.Transforms;

namespace DockerOpt.Fuzz.Tests;

public sealed class CheckerTests : IDisposable
{
    private readonly string sandbox = Path.Combine(Path.GetTempPath(), "dockeropt-fuzz-test-" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public void A_clean_Dockerfile_passes_every_property_with_the_real_passes()
    {
        var outcome = Check(PassRegistry.All, "FROM debian:bookworm\nRUN apt-get update && apt-get install -y curl\nCOPY . /app\nCMD [\"/app/run\"]\n");

        Assert.Null(outcome.Failure);
        Assert.False(outcome.BadInput);
        Assert.True(outcome.AllocatedBytes > 0);
    }

    [Fact]
    public void Binary_input_is_bad_input_with_a_location_not_a_failure()
    {
        var outcome = Check(PassRegistry.All, "FROM debian\nRUN echo \0\n");

        Assert.True(outcome.BadInput);
        Assert.Null(outcome.Failure);
    }

    [Fact]
    public void A_pass_that_changes_its_own_output_again_breaks_idempotence()
    {
        var outcome = Check([new AppendCommentPass()], "FROM debian\n");

        Assert.Equal(Property.Idempotence, outcome.Failure?.Property);
        Assert.Contains("append-comment", outcome.Failure!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pass_that_throws_is_an_internal_error_naming_the_exception()
    {
        var outcome = Check([new ThrowingPass()], "FROM debian\n");

        Assert.Equal(Property.InternalError, outcome.Failure?.Property);
        Assert.StartsWith("InvalidOperationException: the pass broke", outcome.Failure!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void An_input_over_its_allocation_allowance_fails_the_memory_property()
    {
        var checker = new PropertyChecker(sandbox, PassRegistry.All, ResourceLimits.Default with { BaseAllocation = 1, AllocationPerInputByte = 0 });

        var outcome = checker.Check(Encoding.UTF8.GetBytes("FROM debian\nRUN apt-get install -y curl\n"));

        Assert.Equal(Property.Memory, outcome.Failure?.Property);
    }

    public void Dispose()
    {
        if (Directory.Exists(sandbox))
        {
            Directory.Delete(sandbox, recursive: true);
        }
    }

    private CheckOutcome Check(ImmutableArray<IRewritePass> passes, string text) =>
        new PropertyChecker(sandbox, passes, ResourceLimits.Default).Check(Encoding.UTF8.GetBytes(text));

    private static PassInfo Info(string id) => new(id, id, id, PassCategory.Size, PassSafety.Safe, [], string.Empty, string.Empty, []);

    /// <summary>Appends a comment every time it runs: the shape of issue 14's defect 1 (USER appended again and again).</summary>
    private sealed class AppendCommentPass : IRewritePass
    {
        public PassInfo Info { get; } = CheckerTests.Info("append-comment");

        public PassResult Run(PassContext context) =>
            new([new TextEdit(new TextSpan(context.Text.Length, 0), "# again\n")], [], []);
    }

    private sealed class ThrowingPass : IRewritePass
    {
        public PassInfo Info { get; } = CheckerTests.Info("throwing");

        public PassResult Run(PassContext context) => throw new InvalidOperationException("the pass broke");
    }
}