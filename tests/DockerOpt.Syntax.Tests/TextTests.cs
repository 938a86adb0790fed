namespace DockerOpt.Syntax.Tests;

public sealed class TextTests
{
    [Theory]
    [InlineData("FROM a\r\nRUN b \\\r\n  c\r\n")]
    [InlineData("FROM a\nRUN b \\\r\n  c\n\r\n# x\r\n")]
    [InlineData("\uFEFFFROM a\n")]
    [InlineData("\tFROM\ta\n\t\tRUN\tb\t\\\n\tc")]
    [InlineData("FROM a")]
    [InlineData("")]
    [InlineData("\n\n\n")]
    [InlineData("FROM a\r")]
    [InlineData("FROM a\r\r\n")]
    public void Printing_an_unmodified_tree_returns_the_input_exactly(string text)
    {
        DockerfileSyntax syntax = DockerfileParser.Parse(text);

        Assert.Null(TreeLaws.Violation(syntax));
        Assert.Equal(text, syntax.ToFullString());
    }

    [Fact]
    public void Crlf_does_not_leak_into_the_command()
    {
        InstructionSyntax run = Parse.Instruction("RUN a \\\r\n  b\r\n");

        Assert.Equal("a   b", Assert.IsType<ShellFormArguments>(run.Arguments).CommandText);
        Assert.Equal("RUN a \\\r\n  b", run.Text);
    }

    [Fact]
    public void Each_line_knows_its_own_terminator()
    {
        SourceText source = SourceText.From("a\r\nb\nc");

        Assert.Equal([LineEnding.CrLf, LineEnding.Lf, LineEnding.None], source.Lines.Select(l => l.Ending));
        Assert.Equal(new LinePosition(2, 1), source.GetLinePosition(3));
        Assert.Equal(new LinePosition(3, 2), source.GetLinePosition(6));
    }

    [Fact]
    public void An_empty_file_is_reported_as_having_no_instructions()
    {
        DockerfileSyntax syntax = DockerfileParser.Parse(string.Empty, "empty/Dockerfile");

        Assert.Empty(syntax.Constructs);
        Assert.Equal("empty/Dockerfile:1:1: error: file with no instructions", Assert.Single(syntax.Diagnostics).ToString());
    }

    [Fact]
    public void Constructs_cover_directives_comments_blank_lines_and_instructions()
    {
        DockerfileSyntax syntax = Parse.Text("# syntax=x\n\n# comment\nFROM a\n");

        Assert.Equal(
            [typeof(ParserDirectiveSyntax), typeof(BlankLineSyntax), typeof(CommentSyntax), typeof(InstructionSyntax)],
            syntax.Constructs.Select(c => c.GetType()));
    }
}