namespace DockerOpt.Syntax.Tests;

public sealed class ContinuationTests
{
    [Fact]
    public void A_continuation_joins_lines_the_way_buildkit_does()
    {
        InstructionSyntax run = Parse.Instruction("RUN apt-get update && \\\n    apt-get install -y curl\n");

        Assert.Equal("apt-get update &&     apt-get install -y curl", Assert.IsType<ShellFormArguments>(run.Arguments).CommandText);
        Assert.Equal((1, 2), (run.StartLine, run.EndLine));
    }

    [Fact]
    public void Whitespace_after_the_escape_still_continues_the_line()
    {
        InstructionSyntax run = Parse.Instruction("RUN a \\ \t \n  b\n");

        Assert.Equal("a   b", Assert.IsType<ShellFormArguments>(run.Arguments).CommandText);
    }

    [Fact]
    public void Comment_and_blank_lines_inside_a_continuation_leave_the_command_but_stay_in_the_tree()
    {
        DockerfileSyntax syntax = Parse.Text("RUN a \\\n  # note \\\n\n   \n  b\nRUN c\n");
        InstructionSyntax run = syntax.Instructions[0];

        Assert.Equal("a   b", Assert.IsType<ShellFormArguments>(run.Arguments).CommandText);
        Assert.Equal("RUN a \\\n  # note \\\n\n   \n  b", run.Text);
        Assert.Equal(2, syntax.Instructions.Length);
        Assert.Equal(2, syntax.Diagnostics.Count(d => d.Id == DiagnosticIds.EmptyContinuationLine && d.Severity == DiagnosticSeverity.Warning));
    }

    [Fact]
    public void A_continuation_at_end_of_file_ends_the_instruction()
    {
        DockerfileSyntax syntax = Parse.Text("FROM a\nRUN echo a \\");

        Assert.Equal("echo a", Assert.IsType<ShellFormArguments>(syntax.Instructions[1].Arguments).CommandText);
        Assert.Empty(syntax.Diagnostics);
    }

    [Theory]
    [InlineData("FROM a\nCOPY a b\\", 15)]
    [InlineData("FROM a\nCOPY a b \\  ", 16)]
    [InlineData("FROM a\nCOPY a b \\\r", 16)]
    [InlineData("FROM a\nCOPY a b \\\n# the end\n\n", 16)]
    public void The_tree_marks_the_escape_char_of_a_continuation_the_end_of_file_cuts_off(string text, int escapeAt)
    {
        DockerfileSyntax syntax = Parse.Text(text);

        Assert.Equal(new TextSpan(escapeAt, 1), syntax.Instructions[1].DanglingContinuation);
        Assert.Null(syntax.Instructions[0].DanglingContinuation);
    }

    [Fact]
    public void A_continuation_that_reaches_a_next_line_is_not_dangling()
    {
        DockerfileSyntax syntax = Parse.Text("FROM a\nCOPY a \\\n  b\n");

        Assert.Null(syntax.Instructions[1].DanglingContinuation);
    }

    [Fact]
    public void An_escaped_escape_char_does_not_continue_the_line()
    {
        DockerfileSyntax syntax = Parse.Text("RUN echo \\\\\nRUN next\n");

        Assert.Equal(2, syntax.Instructions.Length);
        Assert.Equal("echo \\\\", Assert.IsType<ShellFormArguments>(syntax.Instructions[0].Arguments).CommandText);
    }

    [Fact]
    public void With_the_backtick_escape_a_backslash_is_ordinary_text()
    {
        DockerfileSyntax syntax = Parse.Text("# escape=`\nRUN dir C:\\\nRUN a `\n  b\n");

        Assert.Equal("dir C:\\", Assert.IsType<ShellFormArguments>(syntax.Instructions[0].Arguments).CommandText);
        Assert.Equal("a   b", Assert.IsType<ShellFormArguments>(syntax.Instructions[1].Arguments).CommandText);
    }

    [Fact]
    public void I_can_map_a_word_of_a_continued_command_back_to_the_file_to_edit_it_in_place()
    {
        string text = "RUN apt-get update && \\\n    # comment\n    apt-get install -y curl\n";
        var shell = Assert.IsType<ShellFormArguments>(Parse.Instruction(text).Arguments);
        int word = shell.CommandText.IndexOf("curl", StringComparison.Ordinal);

        TextSpan span = shell.ToSourceSpan(word, "curl".Length);
        string edited = string.Concat(text.AsSpan(0, span.Start), "wget", text.AsSpan(span.End));

        Assert.Equal("RUN apt-get update && \\\n    # comment\n    apt-get install -y wget\n", edited);
    }

    [Fact]
    public void A_source_span_across_a_continuation_covers_it_but_does_not_run_past_the_range()
    {
        string text = "RUN a \\\n  b \\\n  c\n";
        var shell = Assert.IsType<ShellFormArguments>(Parse.Instruction(text).Arguments);
        int b = shell.CommandText.IndexOf('b', StringComparison.Ordinal);

        TextSpan fromAToB = shell.ToSourceSpan(0, b + 1);

        Assert.Equal("a \\\n  b", text[fromAToB.Start..fromAToB.End]);
    }
}