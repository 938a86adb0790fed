using DockerOpt.Core.BuildContext;
using DockerOpt.Core.Editing;
using DockerOpt.Core.Passes;
using DockerOpt.Core.Rewriting;
using DockerOpt.Syntax;

namespace DockerOpt.Core.Tests.Rewriting;

/// <summary>
/// A file whose last line ends in a line continuation must not swallow the lines a pass adds after it (issue 14:
/// <c>COPY a b\</c> then <c>USER app</c> read as <c>COPY a bUSER app</c>, and a second rewrite added it again).
/// </summary>
public sealed class DanglingContinuationTests
{
    public static TheoryData<string> DanglingEnds => new()
    {
        "FROM debian\nCOPY a b\\",
        "FROM debian\nCOPY a b \\   ",
        "FROM debian\nCOPY a b \\\r",
        "FROM debian\nCOPY a b \\\n",
        "FROM debian\nCOPY a b \\\n# the end\n\n",
        "FROM debian\r\nCOPY a b \\\r\n   \r\n# the end",

        // Found by the 1,000,000-input fuzz run (seed 7, index 142): without the last escape char the line ends in
        // another one, which dangled in its turn and swallowed the USER line again.
        "FROM debian\nCOPY a b \\ \\",
        "FROM debian\nCOPY a b \\\n\\",
        "FROM debian\nCOPY a b \\\n# between\n \\ \\\n",
    };

    [Theory]
    [MemberData(nameof(DanglingEnds))]
    public void A_line_added_after_the_last_instruction_stays_its_own_instruction(string original)
    {
        var rewriter = new Rewriter([new AddUserAfterLastInstruction()]);

        var once = rewriter.Rewrite(original, "Dockerfile", EmptyBuildContext.Instance, RewriteOptions.Default).RewrittenText;

        var instructions = DockerfileParser.Parse(once, "Dockerfile").Instructions;
        Assert.Equal(["FROM debian", "COPY a b", "USER app"], instructions.Select(i => i.Logical.Text.Trim()));
    }

    [Theory]
    [MemberData(nameof(DanglingEnds))]
    public void A_line_added_at_the_end_of_the_text_stays_its_own_instruction(string original)
    {
        var rewriter = new Rewriter([new AppendUserToTheText()]);

        var once = rewriter.Rewrite(original, "Dockerfile", EmptyBuildContext.Instance, RewriteOptions.Default).RewrittenText;

        var instructions = DockerfileParser.Parse(once, "Dockerfile").Instructions;
        Assert.Equal(["FROM debian", "COPY a b", "USER app"], instructions.Select(i => i.Logical.Text.Trim()));
    }

    [Theory]
    [MemberData(nameof(DanglingEnds))]
    public void The_line_that_lost_its_escape_char_ends_without_trailing_blanks(string original)
    {
        var rewriter = new Rewriter([new AddUserAfterLastInstruction()]);

        var once = rewriter.Rewrite(original, "Dockerfile", EmptyBuildContext.Instance, RewriteOptions.Default).RewrittenText;

        var copyLine = once.Split('\n').Single(l => l.StartsWith("COPY", StringComparison.Ordinal));
        Assert.Equal("COPY a b", copyLine.TrimEnd('\r'));
    }

    [Theory]
    [MemberData(nameof(DanglingEnds))]
    public void Rewriting_the_rewrite_again_changes_nothing(string original)
    {
        var rewriter = new Rewriter([new AddUserAfterLastInstruction(), new AppendUserToTheText()]);

        var once = rewriter.Rewrite(original, "Dockerfile", EmptyBuildContext.Instance, RewriteOptions.Default).RewrittenText;
        var twice = rewriter.Rewrite(once, "Dockerfile", EmptyBuildContext.Instance, RewriteOptions.Default).RewrittenText;

        Assert.NotEqual(original, once);
        Assert.Equal(once, twice);
    }

    [Theory]
    [MemberData(nameof(DanglingEnds))]
    public void A_file_no_pass_changes_keeps_its_dangling_continuation_byte_for_byte(string original)
    {
        var rewriter = new Rewriter([new AddUserAfterLastInstruction()]);
        var alreadyUser = original.Replace("COPY a b", "USER app", StringComparison.Ordinal);

        var result = rewriter.Rewrite(alreadyUser, "Dockerfile", EmptyBuildContext.Instance, RewriteOptions.Default);

        Assert.Equal(alreadyUser, result.RewrittenText);
    }

    private static PassInfo Info(string id) => new(id, id, id, PassCategory.Security, PassSafety.Safe, [], string.Empty, string.Empty, []);

    private static bool HasUser(PassContext context) => context.Syntax.Instructions.Any(i => i.Kind == InstructionKind.User);

    // Like non-root-user: a USER line just below the last instruction, through the editing API.
    private sealed class AddUserAfterLastInstruction : IRewritePass
    {
        public PassInfo Info { get; } = Info("add-user-after-last");

        public PassResult Run(PassContext context) => HasUser(context)
            ? PassResult.FindingsOnly([])
            : new PassResult([InstructionEdits.InsertAfter(context.Syntax, context.Syntax.Instructions[^1], context.Style, "USER app")], [], []);
    }

    // Like multi-stage: new lines appended at the very end of the text.
    private sealed class AppendUserToTheText : IRewritePass
    {
        public PassInfo Info { get; } = Info("append-user-to-text");

        public PassResult Run(PassContext context)
        {
            if (HasUser(context))
            {
                return PassResult.FindingsOnly([]);
            }

            var text = context.Text;
            var prefix = text.EndsWith('\n') ? string.Empty : context.Style.NewLine;
            return new PassResult([TextEdit.Insert(text.Length, prefix + "USER app" + context.Style.NewLine)], [], []);
        }
    }
}