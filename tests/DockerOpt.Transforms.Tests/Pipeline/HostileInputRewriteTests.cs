using DockerOpt.Core.BuildContext;
using DockerOpt.Core.Passes;
using DockerOpt.Syntax;

namespace DockerOpt.Transforms.Tests.Pipeline;

/// <summary>
/// The reproducers of issue 14 that the whole pipeline must survive: the rewrite reads as intended and rewriting it
/// again changes nothing.
/// </summary>
public sealed class HostileInputRewriteTests
{
    [Theory]
    [InlineData("FROM debian\nCOPY a b\\")]
    [InlineData("FROM debian\nCOPY a b\\  ")]
    [InlineData("FROM debian\nCOPY a b\\\r")]
    [InlineData("FROM debian\nCOPY a b\\\n# only comments\n\n")]
    public void A_file_whose_last_line_ends_in_a_continuation_gets_its_user_line_as_an_instruction_of_its_own(string original)
    {
        var rewriter = PassRegistry.CreateRewriter();

        var once = rewriter.Rewrite(original, "Dockerfile", EmptyBuildContext.Instance, RewriteOptions.Default).RewrittenText;
        var twice = rewriter.Rewrite(once, "Dockerfile", EmptyBuildContext.Instance, RewriteOptions.Default).RewrittenText;

        var instructions = DockerfileParser.Parse(once, "Dockerfile").Instructions;
        Assert.Contains(instructions, i => i.Kind == InstructionKind.Copy && i.Logical.Text.TrimEnd() == "COPY a b");
        Assert.Equal(InstructionKind.User, instructions[^1].Kind);
        Assert.Equal(once, twice);
    }

    [Fact]
    public void A_cache_mount_stays_a_flag_when_the_RUN_ends_its_flags_with_a_double_dash()
    {
        const string original = "FROM node:20-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN -- npm ci\n";
        var rewriter = PassRegistry.CreateRewriter();

        var once = rewriter.Rewrite(original, "Dockerfile", EmptyBuildContext.Instance, RewriteOptions.Default).RewrittenText;

        var run = DockerfileParser.Parse(once, "Dockerfile").Instructions.Single(i => i.Kind == InstructionKind.Run && i.Logical.Text.Contains("npm ci", StringComparison.Ordinal));
        Assert.Contains(run.Flags, f => f.Name == "mount");
        Assert.DoesNotContain("--mount", ((ShellFormArguments)run.Arguments).CommandText, StringComparison.Ordinal);
        Assert.Equal(once, rewriter.Rewrite(once, "Dockerfile", EmptyBuildContext.Instance, RewriteOptions.Default).RewrittenText);
    }
}