using System.Text;

using DockerOpt.Core.Shell;

namespace DockerOpt.Core.Tests.Shell;

public class ShellParserTests
{
    private static string[] Names(ShellScript script) =>
        [.. script.Commands.Select(static c => c.Simple?.Name?.Value ?? "<opaque>")];

    private static ShellConnector[] Connectors(ShellScript script) =>
        [.. script.Commands.Select(static c => c.Connector)];

    /// <summary>The pieces must tile the text: contiguous, in order, nothing lost.</summary>
    internal static void AssertLossless(ShellScript script)
    {
        StringBuilder rebuilt = new();
        int position = 0;
        foreach (ShellPiece piece in script.Pieces)
        {
            Assert.Equal(position, piece.Span.Start);
            rebuilt.Append(script.Slice(piece.Span));
            position = piece.Span.End;
        }

        Assert.Equal(script.Text, rebuilt.ToString());
        Assert.Equal(script.Text, script.ToString());
        foreach (ShellCommandEntry entry in script.Commands)
        {
            if (entry.Node is ShellSimpleCommand simple)
            {
                Assert.Equal(simple.Text, script.Slice(simple.Span));
                foreach (ShellWord word in simple.Words)
                {
                    Assert.Equal(word.Text, script.Slice(word.Span));
                    Assert.True(simple.Span.Contains(word.Span));
                }
            }
            else if (entry.Node is ShellOpaqueCommand opaque)
            {
                Assert.Equal(opaque.Text, script.Slice(opaque.Span));
            }
        }
    }

    [Fact]
    public void I_can_split_an_and_chain_into_its_commands()
    {
        ShellScript script = ShellParser.Parse("apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*");

        Assert.True(script.IsFullyUnderstood);
        Assert.True(script.IsSingleAndChain);
        Assert.Equal(["apt-get", "apt-get", "rm"], Names(script));
        Assert.Equal([ShellConnector.None, ShellConnector.And, ShellConnector.And], Connectors(script));
        ShellSimpleCommand install = script.Commands[1].Simple!;
        Assert.Equal(["install", "-y", "curl"], install.Arguments.Select(static w => w.Value));
        ShellWord glob = script.Commands[2].Simple!.Words[^1];
        Assert.True(glob.HasGlob);
        Assert.Equal("/var/lib/apt/lists/*", glob.Value);
        AssertLossless(script);
    }

    [Fact]
    public void I_can_see_every_kind_of_connector()
    {
        ShellScript script = ShellParser.Parse("a; b || c | d & e\nf");

        Assert.Equal(["a", "b", "c", "d", "e", "f"], Names(script));
        Assert.Equal(
            [ShellConnector.None, ShellConnector.Semicolon, ShellConnector.Or, ShellConnector.Pipe, ShellConnector.Background, ShellConnector.Newline],
            Connectors(script));
        Assert.False(script.IsSingleAndChain);
        AssertLossless(script);
    }

    [Fact]
    public void I_can_read_leading_assignments_apart_from_the_command()
    {
        ShellScript script = ShellParser.Parse("DEBIAN_FRONTEND=noninteractive CGO_ENABLED=\"0\" apt-get install -y tzdata");
        ShellSimpleCommand command = script.Commands[0].Simple!;

        Assert.Equal(["DEBIAN_FRONTEND", "CGO_ENABLED"], command.Assignments.Select(static a => a.Name));
        Assert.Equal("0", command.AssignmentValue("CGO_ENABLED"));
        Assert.Equal("apt-get", command.Name!.Value);
        Assert.Null(command.AssignmentValue("GOOS"));
    }

    [Fact]
    public void An_assignment_after_the_command_name_is_an_argument()
    {
        ShellSimpleCommand command = ShellParser.Parse("env FOO=bar make").Commands[0].Simple!;

        Assert.Empty(command.Assignments);
        Assert.Equal(["env", "FOO=bar", "make"], command.Words.Select(static w => w.Value));
    }

    [Theory]
    [InlineData("'a b'", "a b")]
    [InlineData("\"a b\"", "a b")]
    [InlineData("a\\ b", "a b")]
    [InlineData("\"say \\\"hi\\\"\"", "say \"hi\"")]
    [InlineData("'it'\\''s'", "it's")]
    [InlineData("\"a\\nb\"", "a\\nb")]
    [InlineData("pre\"mid\"'post'", "premidpost")]
    [InlineData("cost$", "cost$")]
    public void I_get_the_value_of_a_quoted_word(string word, string expected)
    {
        ShellWord parsed = ShellParser.Parse("echo " + word).Commands[0].Simple!.Words[1];

        Assert.Equal(word, parsed.Text);
        Assert.Equal(expected, parsed.Value);
        Assert.False(parsed.HasExpansion);
    }

    [Theory]
    [InlineData("$HOME")]
    [InlineData("${VERSION:-1}")]
    [InlineData("\"$(uname -m)\"")]
    [InlineData("`date`")]
    [InlineData("pkg-$((1 + 2))")]
    [InlineData("~/bin")]
    [InlineData("\"${A}\"-x")]
    [InlineData("$1")]
    public void A_word_with_an_expansion_has_no_static_value(string word)
    {
        ShellWord parsed = ShellParser.Parse("echo " + word + " done").Commands[0].Simple!.Words[1];

        Assert.Equal(word, parsed.Text);
        Assert.True(parsed.HasExpansion);
        Assert.Null(parsed.Value);
    }

    [Fact]
    public void A_command_substitution_with_spaces_and_operators_stays_one_word()
    {
        ShellScript script = ShellParser.Parse("export ARCH=\"$(dpkg --print-architecture | awk '{print $1}')\" && echo $ARCH");

        Assert.Equal(["export", "echo"], Names(script));
        ShellWord arch = script.Commands[0].Simple!.Words[1];
        Assert.True(arch.HasCommandSubstitution);
        Assert.Equal("ARCH=\"$(dpkg --print-architecture | awk '{print $1}')\"", arch.Text);
    }

    [Fact]
    public void A_quoted_glob_is_not_a_glob()
    {
        ShellSimpleCommand command = ShellParser.Parse("rm -rf '/tmp/*' /var/tmp/*").Commands[0].Simple!;

        Assert.False(command.Words[2].HasGlob);
        Assert.True(command.Words[3].HasGlob);
    }

    [Fact]
    public void I_can_read_redirections_exactly_as_written()
    {
        ShellSimpleCommand command = ShellParser.Parse("make install >/tmp/log 2>&1 </dev/null").Commands[0].Simple!;

        Assert.Equal(["make", "install"], command.Words.Select(static w => w.Text));
        Assert.Equal([">/tmp/log", "2>&1", "</dev/null"], command.Redirections.Select(static r => r.Text));
        Assert.Equal(2, command.Redirections[1].FileDescriptor);
        Assert.Equal(">&", command.Redirections[1].Operator);
        Assert.Equal("/dev/null", command.Redirections[2].Target!.Value);
    }

    [Fact]
    public void I_can_look_inside_subshells_and_brace_groups()
    {
        ShellScript script = ShellParser.Parse("(cd /src && make) && { echo ok; rm -rf /src; } || true");

        Assert.True(script.IsFullyUnderstood);
        Assert.Equal(["cd", "make", "echo", "rm", "true"], Names(script));
        Assert.Equal([1, 1, 1, 1, 0], script.Commands.Select(static c => c.Depth));
        Assert.Equal(
            [ShellConnector.None, ShellConnector.And, ShellConnector.And, ShellConnector.Semicolon, ShellConnector.Or],
            Connectors(script));
        ShellAndOrList top = Assert.Single(script.Root.Items);
        Assert.IsType<ShellSubshell>(top.Pipelines[0].Commands[0]);
        Assert.IsType<ShellBraceGroup>(top.Pipelines[1].Commands[0]);
        AssertLossless(script);
    }

    [Fact]
    public void A_negated_pipeline_is_marked()
    {
        ShellScript script = ShellParser.Parse("! grep -q foo /etc/passwd | cat");

        ShellPipeline pipeline = script.Root.Items[0].Pipelines[0];
        Assert.True(pipeline.Negated);
        Assert.Equal(2, pipeline.Commands.Length);
    }

    [Theory]
    [InlineData("if [ -f /x ]; then echo yes; fi", "'if' compound command")]
    [InlineData("for f in a b; do echo $f; done", "'for' compound command")]
    [InlineData("while read l; do echo \"$l\"; done < /etc/hosts", "'while' compound command")]
    [InlineData("until false; do :; done", "'until' compound command")]
    [InlineData("case \"$ARCH\" in amd64) A=x;; arm64) A=y;; esac", "'case' compound command")]
    [InlineData("cleanup() { rm -rf /tmp/x; }", "function definition")]
    [InlineData("function cleanup { rm -rf /tmp/x; }", "function definition")]
    [InlineData("cat <<< \"$VALUE\"", "here-string (<<<)")]
    [InlineData("[[ -f /x ]]", "bash '[[' test")]
    [InlineData("A=( one \"two three\" )", "bash array assignment")]
    [InlineData("echo 'unterminated", "unterminated quote or substitution")]
    public void What_I_cannot_model_is_opaque_with_a_reason(string command, string reason)
    {
        ShellScript script = ShellParser.Parse(command);

        ShellOpaqueCommand opaque = Assert.Single(script.OpaqueParts);
        Assert.Equal(reason, opaque.Reason);
        Assert.Equal(command, opaque.Text);
        Assert.False(script.IsFullyUnderstood);
        AssertLossless(script);
    }

    [Fact]
    public void Commands_around_an_opaque_compound_are_still_modelled()
    {
        ShellScript script = ShellParser.Parse(
            "apt-get update && if [ \"$X\" = 1 ]; then for i in 1 2; do echo $i; done; fi && apt-get install -y curl");

        Assert.Equal(["apt-get", "<opaque>", "apt-get"], Names(script));
        Assert.Equal([ShellConnector.None, ShellConnector.And, ShellConnector.And], Connectors(script));
        Assert.Single(script.OpaqueParts);
        AssertLossless(script);
    }

    [Fact]
    public void Reserved_words_as_arguments_are_plain_words()
    {
        ShellScript script = ShellParser.Parse("echo if then done fi && echo {}");

        Assert.True(script.IsFullyUnderstood);
        Assert.Equal(["if", "then", "done", "fi"], script.Commands[0].Simple!.Arguments.Select(static w => w.Value));
    }

    [Fact]
    public void Arithmetic_expansion_is_an_ordinary_word()
    {
        ShellScript script = ShellParser.Parse("make -j$(( $(nproc) + 1 )) && make install");

        Assert.True(script.IsFullyUnderstood);
        Assert.Equal(["make", "make"], Names(script));
        Assert.Equal("-j$(( $(nproc) + 1 ))", script.Commands[0].Simple!.Words[1].Text);
    }

    [Fact]
    public void I_can_parse_a_heredoc_with_its_body()
    {
        const string text = "cat <<EOF > /etc/app.conf\nkey=$VALUE\n && not a command\nEOF\necho done";
        ShellScript script = ShellParser.Parse(text);

        Assert.True(script.IsFullyUnderstood);
        Assert.Equal(["cat", "echo"], Names(script));
        ShellHereDoc hereDoc = Assert.Single(script.HereDocs);
        Assert.Equal("EOF", hereDoc.Delimiter);
        Assert.True(hereDoc.Expands);
        Assert.Equal("key=$VALUE\n && not a command\nEOF", script.Slice(hereDoc.Body!.Value));
        Assert.Equal(["<<EOF", "> /etc/app.conf"], script.Commands[0].Simple!.Redirections.Select(static r => r.Text));
        AssertLossless(script);
    }

    [Fact]
    public void I_can_parse_a_heredoc_with_tab_stripping_and_a_quoted_delimiter()
    {
        const string text = "cat <<-'END' >/x\n\tliteral $X\n\tEND\n";
        ShellScript script = ShellParser.Parse(text);

        ShellHereDoc hereDoc = Assert.Single(script.HereDocs);
        Assert.True(hereDoc.StripTabs);
        Assert.False(hereDoc.Expands);
        Assert.Equal("END", hereDoc.Delimiter);
        Assert.Equal("\tliteral $X\n\tEND", script.Slice(hereDoc.Body!.Value));
        AssertLossless(script);
    }

    [Fact]
    public void I_can_parse_two_heredocs_on_one_line()
    {
        const string text = "cat <<A - <<B\nfirst\nA\nsecond\nB\n";
        ShellScript script = ShellParser.Parse(text);

        Assert.Equal(2, script.HereDocs.Length);
        Assert.Equal("first\nA", script.Slice(script.HereDocs[0].Body!.Value));
        Assert.Equal("second\nB", script.Slice(script.HereDocs[1].Body!.Value));
        Assert.Equal(["cat"], Names(script));
        AssertLossless(script);
    }

    [Fact]
    public void A_heredoc_marker_without_its_body_is_fine()
    {
        ShellScript script = ShellParser.Parse("python3 <<EOF");

        Assert.True(script.IsFullyUnderstood);
        Assert.Null(Assert.Single(script.HereDocs).Body);
    }

    [Fact]
    public void Comments_and_shell_line_continuations_are_trivia()
    {
        const string text = "apt-get update \\\n  && apt-get install -y \\\n     curl # the only tool we need\n# then clean\nrm -rf /var/lib/apt/lists/*";
        ShellScript script = ShellParser.Parse(text);

        Assert.True(script.IsFullyUnderstood);
        Assert.Equal(["apt-get", "apt-get", "rm"], Names(script));
        Assert.Equal(["install", "-y", "curl"], script.Commands[1].Simple!.Arguments.Select(static w => w.Value));
        Assert.Contains(script.Pieces, static p => p.Kind == ShellPieceKind.Comment);
        AssertLossless(script);
    }

    [Fact]
    public void I_can_parse_raw_dockerfile_source_with_embedded_comment_lines()
    {
        // As written in a Dockerfile: BuildKit drops the comment line before the shell sees the command.
        const string text = "apt-get update \\\r\n# install the tools\r\n    && apt-get install -y git \\  \r\n    && echo ok";
        ShellScript script = ShellParser.Parse(text, ShellParseOptions.ForDockerfileSource('\\'));

        Assert.True(script.IsFullyUnderstood);
        Assert.Equal(["apt-get", "apt-get", "echo"], Names(script));
        Assert.Equal([ShellConnector.None, ShellConnector.And, ShellConnector.And], Connectors(script));
        Assert.Contains(script.Pieces, static p => p.Kind == ShellPieceKind.EmbeddedComment);
        AssertLossless(script);
    }

    [Fact]
    public void I_can_parse_raw_dockerfile_source_with_the_backtick_escape()
    {
        const string text = "copy C:\\app\\x.txt C:\\out `\n    && echo done";
        ShellScript script = ShellParser.Parse(text, ShellParseOptions.ForDockerfileSource('`'));

        Assert.Equal(["copy", "echo"], Names(script));
        Assert.Equal("C:\\out", script.Commands[0].Simple!.Words[2].Text);
        AssertLossless(script);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("&&")]
    [InlineData("a &&")]
    [InlineData(")")]
    [InlineData("a ) b")]
    [InlineData("(a")]
    [InlineData("{ a")]
    [InlineData("a ;; b")]
    [InlineData("echo \"$(unterminated")]
    [InlineData("fi")]
    [InlineData("a | | b")]
    [InlineData("> ")]
    [InlineData("\r\n\r\n")]
    [InlineData("a\\")]
    [InlineData("((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((a")]
    public void Broken_input_never_throws_and_still_round_trips(string text)
    {
        ShellScript script = ShellParser.Parse(text);

        AssertLossless(script);
    }

    [Fact]
    public void A_huge_command_parses_completely()
    {
        // Timing belongs to the benchmark, not to a test; this checks nothing is lost or recursed into on a big input.
        string text = string.Join(" && ", Enumerable.Repeat("apt-get install -y \"pkg-$V\" 'x' a\\ b >/dev/null 2>&1", 20_000));
        ShellScript script = ShellParser.Parse(text);

        Assert.Equal(20_000, script.Commands.Length);
        Assert.All(script.Commands, static c => Assert.Equal(2, c.Simple!.Redirections.Length));
        AssertLossless(script);
    }
}