namespace DockerOpt.Syntax.Tests;

public sealed class HeredocTests
{
    [Fact]
    public void I_can_parse_a_run_heredoc_and_keep_its_body_in_the_instruction()
    {
        DockerfileSyntax syntax = Parse.Text("RUN <<EOF\napt-get update\n# not a comment here\nEOF\nRUN after\n");
        InstructionSyntax run = syntax.Instructions[0];

        HeredocSyntax heredoc = Assert.Single(run.Heredocs);
        Assert.Equal(("EOF", "apt-get update\n# not a comment here\n", true, false), (heredoc.Name, heredoc.Content, heredoc.Expand, heredoc.StripTabs));
        Assert.Equal((1, 4), (run.StartLine, run.EndLine));
        Assert.Equal(2, syntax.Instructions.Length);
    }

    [Fact]
    public void I_can_parse_a_heredoc_with_tab_stripping()
    {
        HeredocSyntax heredoc = Assert.Single(Parse.Instruction("RUN <<-EOT\n\techo a\n\t\techo b\n\t\tEOT\n").Heredocs);

        Assert.True(heredoc.StripTabs);
        Assert.Equal("\techo a\n\t\techo b\n", heredoc.Content);
        Assert.Equal("echo a\necho b\n", heredoc.EffectiveContent);
        Assert.Equal("\t\tEOT", heredoc.Terminator!.Text);
    }

    [Theory]
    [InlineData("RUN <<'EOF'\n$A\nEOF\n", "EOF", false)]
    [InlineData("RUN <<\"EOF\"\n$A\nEOF\n", "EOF", false)]
    [InlineData("RUN <<E'O'F\n$A\nEOF\n", "EOF", false)]
    [InlineData("RUN <<EOF\n$A\nEOF\n", "EOF", true)]
    [InlineData("COPY <<-\"my file\" /x\n$A\nmy file\n", "my file", false)]
    public void A_quoted_delimiter_turns_off_expansion(string text, string name, bool expand)
    {
        HeredocSyntax heredoc = Assert.Single(Parse.Instruction(text).Heredocs);

        Assert.Equal((name, expand, "$A\n"), (heredoc.Name, heredoc.Expand, heredoc.Content));
    }

    [Fact]
    public void Several_heredocs_on_one_line_are_read_one_after_the_other()
    {
        InstructionSyntax run = Parse.Instruction("RUN <<A cat > /a && 5<<-B cat > /b\none\nA\n\ttwo\n\tB\n");

        Assert.Equal(["A", "B"], run.Heredocs.Select(h => h.Name));
        Assert.Equal(["one\n", "\ttwo\n"], run.Heredocs.Select(h => h.Content));
        Assert.Equal([0, 5], run.Heredocs.Select(h => h.FileDescriptor));
        Assert.Equal("RUN <<A cat > /a && 5<<-B cat > /b\none\nA\n\ttwo\n\tB", run.Text);
    }

    [Fact]
    public void A_heredoc_with_a_redirection_keeps_the_whole_command_line()
    {
        InstructionSyntax run = Parse.Instruction("RUN cat <<EOF > /etc/motd\nhi\nEOF\n");

        Assert.Equal("cat <<EOF > /etc/motd", Assert.IsType<ShellFormArguments>(run.Arguments).CommandText);
        Assert.Equal("<<EOF", Assert.Single(run.Heredocs).Marker.Text);
    }

    [Fact]
    public void A_heredoc_closed_on_the_last_line_without_a_newline_is_complete()
    {
        DockerfileSyntax syntax = Parse.Text("COPY <<EOF /a\nbody\nEOF");

        Assert.True(Assert.Single(syntax.Instructions[0].Heredocs).IsTerminated);
        Assert.Empty(syntax.Diagnostics);
    }

    [Fact]
    public void An_unterminated_heredoc_is_an_error_and_keeps_the_rest_of_the_file_as_its_body()
    {
        DockerfileSyntax syntax = Parse.Text("RUN <<EOF\necho a\nRUN b\n");

        HeredocSyntax heredoc = Assert.Single(syntax.Instructions[0].Heredocs);
        Assert.False(heredoc.IsTerminated);
        Assert.Equal("echo a\nRUN b\n", heredoc.Content);
        Assert.Equal("Dockerfile:1:5: error: unterminated heredoc: no line \"EOF\" before the end of the file", Assert.Single(syntax.Diagnostics).ToString());
    }

    [Theory]
    [InlineData("RUN [\"sh\", \"-c\", \"cat <<EOF\"]\nEOF\n")]
    [InlineData("RUN echo \"<<EOF\"\nEOF\n")]
    [InlineData("CMD cat <<EOF\nEOF\n")]
    [InlineData("RUN cat <<<EOF\nEOF\n")]
    public void Heredoc_markers_count_only_where_buildkit_reads_them(string text)
    {
        DockerfileSyntax syntax = Parse.Text(text);

        Assert.Empty(syntax.Instructions[0].Heredocs);
        Assert.Equal(2, syntax.Instructions.Length);
    }

    [Fact]
    public void A_heredoc_in_an_onbuild_trigger_belongs_to_the_onbuild()
    {
        InstructionSyntax onbuild = Parse.Instruction("ONBUILD RUN <<EOF\nmake\nEOF\n");

        Assert.Equal("make\n", Assert.Single(onbuild.Heredocs).Content);
        Assert.Equal(InstructionKind.Run, Assert.IsType<OnbuildArguments>(onbuild.Arguments).Instruction!.Kind);
    }

    [Fact]
    public void Heredoc_bodies_keep_crlf_line_endings()
    {
        HeredocSyntax heredoc = Assert.Single(Parse.Instruction("RUN <<EOF\r\na\r\nEOF\r\n").Heredocs);

        Assert.Equal("a\r\n", heredoc.Content);
        Assert.True(heredoc.IsTerminated);
    }
}

/// <summary>Heredoc delimiter cases from BuildKit's own parser tests (parser_heredoc_test.go), as facts.</summary>
public sealed class HeredocDelimiterTests
{
    [Theory]
    [InlineData("RUN <<EOF\n", new[] { "EOF" }, new[] { true })]
    [InlineData("RUN <<-EOF\n", new[] { "EOF" }, new[] { true })]
    [InlineData("RUN <<- EOF\n", new[] { "EOF" }, new[] { true })]
    [InlineData("RUN << -EOF\n", new[] { "-EOF" }, new[] { true })]
    [InlineData("RUN <<  EOF  > foo\n", new[] { "EOF" }, new[] { true })]
    [InlineData("RUN 4<<EOF\n", new[] { "EOF" }, new[] { true })]
    [InlineData("RUN <<EOF <<EOF2\n", new[] { "EOF", "EOF2" }, new[] { true, true })]
    [InlineData("RUN <<eo'f'\n", new[] { "eof" }, new[] { false })]
    [InlineData("RUN <<eo\\'f\n", new[] { "eo'f" }, new[] { true })]
    [InlineData("RUN <<'e'o\\'f\n", new[] { "eo'f" }, new[] { false })]
    [InlineData("RUN <<'one two'\n", new[] { "one two" }, new[] { false })]
    [InlineData("RUN <<$EOF\n", new[] { "$EOF" }, new[] { true })]
    [InlineData("COPY <<file.txt /dest\n", new[] { "file.txt" }, new[] { true })]
    [InlineData("RUN '<<EOF'\n", new string[0], new bool[0])]
    [InlineData("RUN \"<<EOF\"\n", new string[0], new bool[0])]
    [InlineData("RUN <<<EOF\n", new string[0], new bool[0])]
    [InlineData("RUN <<EOF sh\n", new[] { "EOF" }, new[] { true })]
    [InlineData("USER <<INVALID\n", new string[0], new bool[0])]
    public void Heredoc_delimiters_are_read_as_buildkit_reads_them(string line, string[] names, bool[] expand)
    {
        InstructionSyntax instruction = DockerfileParser.Parse(line).Instructions[0];

        Assert.Equal(names, instruction.Heredocs.Select(h => h.Name).ToArray());
        Assert.Equal(expand, instruction.Heredocs.Select(h => h.Expand).ToArray());
    }

    [Fact]
    public void Each_heredoc_body_ends_only_at_its_own_delimiter()
    {
        InstructionSyntax copy = DockerfileParser.Parse("COPY <<X <<Y /dest\nY\nX\nX\nY\n").Instructions[0];

        Assert.Equal(["Y\n", "X\n"], copy.Heredocs.Select(h => h.Content));
    }
}