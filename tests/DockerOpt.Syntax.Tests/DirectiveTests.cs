namespace DockerOpt.Syntax.Tests;

public sealed class DirectiveTests
{
    [Fact]
    public void I_can_read_the_syntax_escape_and_check_directives()
    {
        DockerfileSyntax syntax = Parse.Text("# syntax=docker/dockerfile:1\n#  ESCAPE = `\n# check=skip=all\nFROM alpine\n");

        Assert.Equal(["syntax", "escape", "check"], syntax.Directives.Select(d => d.Name));
        Assert.Equal(["docker/dockerfile:1", "`", "skip=all"], syntax.Directives.Select(d => d.Value));
        Assert.Equal('`', syntax.EscapeChar);
        Assert.Equal("skip=all", syntax.GetDirective("CHECK"));
        Assert.Equal("ESCAPE", syntax.Directives[1].NameToken.Text);
    }

    [Theory]
    [InlineData("# syntax=x\n\n# escape=`\nFROM a\n")]
    [InlineData("# a comment\n# escape=`\nFROM a\n")]
    [InlineData("FROM a\n# escape=`\n")]
    [InlineData("# unknown=1\n# escape=`\nFROM a\n")]
    public void Directives_stop_at_the_first_line_that_is_not_one(string text)
    {
        DockerfileSyntax syntax = Parse.Text(text);

        Assert.Equal('\\', syntax.EscapeChar);
        Assert.DoesNotContain(syntax.Directives, d => d.Name == "escape");
        Assert.Contains(syntax.Constructs, c => c is CommentSyntax { Comment.Value: "escape=`" });
    }

    [Fact]
    public void A_repeated_directive_is_an_error_at_its_line_and_column()
    {
        DockerfileSyntax syntax = Parse.Text("# syntax=a\n#  syntax=b\nFROM a\n");

        Diagnostic error = Assert.Single(syntax.Diagnostics);
        Assert.Equal(DiagnosticIds.DuplicateDirective, error.Id);
        Assert.Equal("Dockerfile:2:4: error: only one syntax parser directive can be used", error.ToString());
    }

    [Fact]
    public void An_escape_other_than_backslash_or_backtick_is_an_error()
    {
        DockerfileSyntax syntax = Parse.Text("# escape=/\nFROM a\n");

        Assert.Equal(DiagnosticIds.InvalidEscape, Assert.Single(syntax.Diagnostics).Id);
        Assert.Equal('\\', syntax.EscapeChar);
    }

    [Fact]
    public void A_directive_after_a_byte_order_mark_is_still_a_directive()
    {
        DockerfileSyntax syntax = Parse.Text("\uFEFF# escape=`\nRUN a `\n b\n");

        Assert.True(syntax.Source.HasByteOrderMark);
        Assert.Equal('`', syntax.EscapeChar);
        Assert.Equal("a  b", Assert.IsType<ShellFormArguments>(syntax.Instructions[0].Arguments).CommandText);
    }
}