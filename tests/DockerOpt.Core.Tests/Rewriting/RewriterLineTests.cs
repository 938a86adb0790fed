using DockerOpt.Core.BuildContext;
using DockerOpt.Core.Editing;
using DockerOpt.Core.Passes;
using DockerOpt.Core.Rewriting;
using DockerOpt.Syntax;

namespace DockerOpt.Core.Tests.Rewriting;

/// <summary>A line named inside a finding's message is a line of the user's file, even after earlier passes moved it.</summary>
public sealed class RewriterLineTests
{
    [Fact]
    public void A_message_names_the_users_line_after_an_earlier_pass_inserted_lines_above_it()
    {
        const string original = "FROM debian\nRUN echo one\nRUN echo two\n";
        var rewriter = new Rewriter([new InsertAboveFirstRun(), new NameTheLastRun()]);

        var result = rewriter.Rewrite(original, "Dockerfile", EmptyBuildContext.Instance, RewriteOptions.Default);

        var finding = Assert.Single(result.Passes.Single(p => p.Info.Id == "name-the-last-run").Findings);
        Assert.Equal(3, finding.Line);
        Assert.Equal("the last RUN is on line 3", finding.Message);
    }

    private static PassInfo Info(string id) => new(id, id, id, PassCategory.Hygiene, PassSafety.Safe, [], string.Empty, string.Empty, []);

    private sealed class InsertAboveFirstRun : IRewritePass
    {
        public PassInfo Info { get; } = Info("insert-above-first-run");

        public PassResult Run(PassContext context)
        {
            var first = context.Syntax.Instructions.First(i => i.Kind == InstructionKind.Run);
            return new PassResult([TextEdit.Insert(first.Span.Start, "ENV A=1\nENV B=2\n")], [], []);
        }
    }

    private sealed class NameTheLastRun : IRewritePass
    {
        public PassInfo Info { get; } = Info("name-the-last-run");

        public PassResult Run(PassContext context)
        {
            var last = context.Syntax.Instructions.Last(i => i.Kind == InstructionKind.Run);
            return PassResult.FindingsOnly([PassContext.At(Info.Id, last, FindingKind.Advice, $"the last RUN is on line {context.UserLine(last)}")]);
        }
    }
}