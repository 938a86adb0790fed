namespace DockerOpt.Syntax.Tests;

public sealed class InstructionTests
{
    [Fact]
    public void I_can_read_from_with_platform_and_a_stage_name()
    {
        InstructionSyntax from = Parse.Instruction("FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n");

        var arguments = Assert.IsType<FromArguments>(from.Arguments);
        Assert.Equal(("golang:1.22", "AS", "build"), (arguments.Image!.Value, arguments.AsKeyword!.Text, arguments.StageName!.Value));
        FlagSyntax platform = Assert.Single(from.Flags);
        Assert.Equal(("platform", "$BUILDPLATFORM"), (platform.Name, platform.Value));
    }

    [Fact]
    public void Flags_lose_their_quotes_but_keep_their_exact_text()
    {
        InstructionSyntax run = Parse.Instruction("RUN --mount=\"type=cache,target=/root/.cache\" --network=none --link pip install x\n");

        Assert.Equal(["--mount=type=cache,target=/root/.cache", "--network=none", "--link"], run.Flags.Select(f => f.BuildKitText));
        Assert.Equal("--mount=\"type=cache,target=/root/.cache\"", run.Flags[0].Text);
        Assert.Null(run.GetFlag("link")!.Value);
        Assert.Equal("pip install x", Assert.IsType<ShellFormArguments>(run.Arguments).CommandText);
    }

    [Fact]
    public void Copy_accepts_every_buildkit_flag()
    {
        InstructionSyntax copy = Parse.Instruction("COPY --from=build --chown=1:1 --chmod=644 --link --parents --exclude=*.md --checksum=sha256:ab --keep-git-dir=true a b\n");

        Assert.Equal(["from", "chown", "chmod", "link", "parents", "exclude", "checksum", "keep-git-dir"], copy.Flags.Select(f => f.Name));
        Assert.Equal(["a", "b"], Assert.IsType<WordArguments>(copy.Arguments).Words.Select(w => w.Value));
    }

    [Fact]
    public void Exec_form_decodes_the_json_strings()
    {
        InstructionSyntax cmd = Parse.Instruction("CMD [\"echo\", \"a \\\"b\\\"\", \"\\u00e9\\n\"]\n");

        Assert.Equal(InstructionForm.Exec, cmd.Form);
        Assert.Equal(["echo", "a \"b\"", "é\n"], Assert.IsType<ExecFormArguments>(cmd.Arguments).Values.ToArray());
    }

    [Theory]
    [InlineData("CMD ['single', 'quotes']", "['single', 'quotes']")]
    [InlineData("CMD [\"trailing\",]", "[\"trailing\",]")]
    [InlineData("CMD [\"a\"] tail", "[\"a\"] tail")]
    [InlineData("CMD [unquoted]", "[unquoted]")]
    public void Invalid_json_falls_back_to_shell_form_as_buildkit_does(string line, string command)
    {
        DockerfileSyntax syntax = Parse.Text(line + "\n");

        Assert.Equal(command, Assert.IsType<ShellFormArguments>(syntax.Instructions[0].Arguments).CommandText);
        Assert.DoesNotContain(syntax.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void A_json_array_that_holds_a_non_string_is_an_error()
    {
        DockerfileSyntax syntax = Parse.Text("CMD [\"sleep\", 10]\n");

        Assert.Equal(DiagnosticIds.JsonArrayNotStrings, Assert.Single(syntax.Diagnostics).Id);
    }

    [Fact]
    public void Env_accepts_the_legacy_and_the_key_value_forms_and_keeps_values_as_written()
    {
        DockerfileSyntax syntax = Parse.Text("ENV PATH /a b:$PATH\nENV A=1 B=\"two words\" C=x\\ y\n");

        var legacy = Assert.IsType<KeyValueArguments>(syntax.Instructions[0].Arguments);
        Assert.True(legacy.IsLegacyForm);
        Assert.Equal(("PATH", "/a b:$PATH"), (legacy.Pairs[0].Key.Value, legacy.Pairs[0].Value.Value));

        var pairs = Assert.IsType<KeyValueArguments>(syntax.Instructions[1].Arguments);
        Assert.False(pairs.IsLegacyForm);
        Assert.Equal(["A=1", "B=\"two words\"", "C=x\\ y"], pairs.Pairs.Select(p => p.Key.Value + "=" + p.Value.Value));
    }

    [Fact]
    public void A_key_value_word_without_equals_is_an_error()
    {
        DockerfileSyntax syntax = Parse.Text("LABEL a=1 b\n");

        Assert.Equal(DiagnosticIds.InvalidKeyValue, Assert.Single(syntax.Diagnostics).Id);
    }

    [Fact]
    public void Arg_can_declare_several_variables_with_and_without_defaults()
    {
        InstructionSyntax arg = Parse.Instruction("ARG A B=2 C=\"3 4\"\n");

        Assert.Equal(["A", "B=2", "C=\"3 4\""], Assert.IsType<WordArguments>(arg.Arguments).Words.Select(w => w.Value));
    }

    [Fact]
    public void An_onbuild_trigger_is_a_nested_instruction_with_spans_in_the_same_file()
    {
        string text = "ONBUILD COPY --chown=app . /app\n";
        InstructionSyntax onbuild = Parse.Instruction(text);

        InstructionSyntax inner = Assert.IsType<OnbuildArguments>(onbuild.Arguments).Instruction!;
        Assert.True(inner.IsNested);
        Assert.Equal(InstructionKind.Copy, inner.Kind);
        Assert.Equal("COPY --chown=app . /app", text[inner.Span.Start..inner.Span.End]);
        Assert.Equal("--chown=app", Assert.Single(inner.Flags).Text);
    }

    [Fact]
    public void Healthcheck_reads_options_then_cmd_or_none()
    {
        DockerfileSyntax syntax = Parse.Text("HEALTHCHECK --interval=5s CMD curl -f localhost\nHEALTHCHECK CMD [\"true\"]\nHEALTHCHECK NONE\n");

        var shell = Assert.IsType<HealthcheckArguments>(syntax.Instructions[0].Arguments);
        Assert.Equal(("CMD", "curl -f localhost"), (shell.Type.Value, Assert.IsType<ShellFormArguments>(shell.Command).CommandText));
        Assert.Equal("interval", Assert.Single(syntax.Instructions[0].Flags).Name);
        Assert.Equal(InstructionForm.Exec, syntax.Instructions[1].Form);
        Assert.True(Assert.IsType<HealthcheckArguments>(syntax.Instructions[2].Arguments).IsNone);
        Assert.Empty(syntax.Diagnostics);
    }

    [Fact]
    public void Keyword_case_is_kept_as_written()
    {
        InstructionSyntax run = Parse.Instruction("rUn echo\n");

        Assert.Equal(("rUn", "RUN", InstructionKind.Run), (run.Keyword.Text, run.KeywordUpper, run.Kind));
    }

    [Fact]
    public void Unknown_instructions_are_kept_raw_and_every_one_is_reported()
    {
        DockerfileSyntax syntax = Parse.Text("FROM a\nFOO bar\nRUNN x\nRUN ok\n");

        Assert.Equal([InstructionKind.From, InstructionKind.Unknown, InstructionKind.Unknown, InstructionKind.Run], syntax.Instructions.Select(i => i.Kind));
        Assert.Equal(["Dockerfile:2:1: error: unknown instruction: FOO", "Dockerfile:3:1: error: unknown instruction: RUNN"], syntax.Diagnostics.Select(d => d.ToString()));
        Assert.Equal("bar", Assert.IsType<RawArguments>(syntax.Instructions[1].Arguments).Raw.Text);
    }

    [Fact]
    public void Simple_instructions_take_the_rest_of_the_line_as_buildkit_does()
    {
        DockerfileSyntax syntax = Parse.Text("WORKDIR /my app\nUSER app:app\nEXPOSE 80  443/tcp\nSTOPSIGNAL SIGKILL\nMAINTAINER A B <a@b>\nVOLUME /a /b\n");

        string[][] words = syntax.Instructions.Select(i => Assert.IsType<WordArguments>(i.Arguments).Words.Select(w => w.Value).ToArray()).ToArray();
        Assert.Equal([["/my app"], ["app:app"], ["80", "443/tcp"], ["SIGKILL"], ["A B <a@b>"], ["/a", "/b"]], words);
    }
}
/// <summary>Flag checks BuildKit makes while reading an instruction.</summary>
public sealed class FlagTests
{
    [Fact]
    public void A_value_flag_written_without_equals_is_an_error()
    {
        DockerfileSyntax syntax = DockerfileParser.Parse("FROM a\nCOPY --from builder /a /b\n", "Dockerfile");

        Assert.Equal("Dockerfile:2:6: error: missing a value on flag: --from (write --from=value)", Assert.Single(syntax.Diagnostics).ToString());
    }

    [Theory]
    [InlineData("RUN -- npm ci\n", 4)]
    [InlineData("RUN --network=host -- npm ci\n", 19)]
    [InlineData("RUN --network=host --\n", 19)]
    public void A_lone_double_dash_ends_the_flags_and_belongs_to_neither_side(string run, int terminatorAt)
    {
        InstructionSyntax instruction = Parse.Instruction(run);

        Assert.Equal(new TextSpan(terminatorAt, 2), instruction.FlagTerminator);
        Assert.DoesNotContain(instruction.Flags, f => f.Text == "--");
    }

    [Fact]
    public void Flags_without_a_double_dash_have_no_terminator()
    {
        Assert.Null(Parse.Instruction("RUN --network=host npm ci\n").FlagTerminator);
    }

    [Fact]
    public void Boolean_flags_need_no_value()
    {
        Assert.Empty(DockerfileParser.Parse("FROM a\nCOPY --link --parents a /b\n").Diagnostics);
    }
}