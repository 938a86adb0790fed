using DockerOpt.Core.BuildContext;
using DockerOpt.Core.Model;
using DockerOpt.Core.Passes;
using DockerOpt.Syntax;
using DockerOpt.Transforms.DockerIgnore;

namespace DockerOpt.Transforms.Tests.Pipeline;

/// <summary>
/// The reproducers of issue 14 that the whole pipeline must survive: the rewrite reads as intended and rewriting it
/// again changes nothing.
/// </summary>
public sealed class HostileInputRewriteTests
{
    [Theory]
    [InlineData("FROM debian\nCMD [\"/app/run\"]\nCOPY a b\\")]
    [InlineData("FROM debian\nCMD [\"/app/run\"]\nCOPY a b\\  ")]
    [InlineData("FROM debian\nCMD [\"/app/run\"]\nCOPY a b\\\r")]
    [InlineData("FROM debian\nCMD [\"/app/run\"]\nCOPY a b\\\n# only comments\n\n")]
    public void A_file_whose_last_line_ends_in_a_continuation_keeps_that_instruction_whole_and_rewrites_idempotently(string original)
    {
        var rewriter = PassRegistry.CreateRewriter();

        var once = rewriter.Rewrite(original, "Dockerfile", EmptyBuildContext.Instance, RewriteOptions.Default).RewrittenText;
        var twice = rewriter.Rewrite(once, "Dockerfile", EmptyBuildContext.Instance, RewriteOptions.Default).RewrittenText;

        var instructions = DockerfileParser.Parse(once, "Dockerfile").Instructions;
        Assert.Contains(instructions, i => i.Kind == InstructionKind.Copy && i.Logical.Text.TrimEnd() == "COPY a b");
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

    [Fact]
    public void A_base_image_nested_forty_thousand_deep_over_continuation_lines_is_rewritten_without_a_crash()
    {
        var original = "FROM " + string.Concat(Enumerable.Repeat("${a-\\\n", 40_000)) + "debian" + new string('}', 40_000) + "\nCOPY . /app\n";

        var result = PassRegistry.CreateRewriter().Rewrite(original, "Dockerfile", EmptyBuildContext.Instance, RewriteOptions.Default);

        Assert.False(result.InputHasErrors);
        Assert.Equal(PassRegistry.CreateRewriter().Passes.Length, result.Passes.Length);
    }

    [Fact]
    public void An_env_value_nested_fifty_thousand_deep_over_continuation_lines_is_read_without_a_crash()
    {
        var original = "FROM debian\nENV v=" + string.Concat(Enumerable.Repeat("${u-\\\n", 50_000)) + "src" + new string('}', 50_000) + "\nCOPY ${v} /app/\n";

        var result = PassRegistry.CreateRewriter().Rewrite(original, "Dockerfile", EmptyBuildContext.Instance, RewriteOptions.Default);

        Assert.False(result.InputHasErrors);
        Assert.Contains(result.Passes, p => p.Info.Id == "dockerignore");
    }

    [Fact]
    public void A_value_that_doubles_on_thirty_lines_leaves_its_copy_source_unknown_instead_of_taking_gigabytes()
    {
        var lines = new List<string> { "FROM debian", "ENV A0=0123456789" };
        lines.AddRange(Enumerable.Range(1, 30).Select(i => $"ENV A{i}=${{A{i - 1}}}${{A{i - 1}}}"));
        lines.Add("COPY ${A30} /x");

        var text = string.Join('\n', lines) + "\n";

        var source = Assert.Single(ContextSources.Of(DockerfileModel.Build(DockerfileParser.Parse(text, "Dockerfile"))));
        var result = PassRegistry.CreateRewriter().Rewrite(text, "Dockerfile", EmptyBuildContext.Instance, RewriteOptions.Default);

        Assert.Null(source.Path);
        Assert.Equal("${A30}", source.Written);
        Assert.False(result.InputHasErrors);
    }
}