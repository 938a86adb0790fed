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
}