using DockerOpt.Core.Shell;

namespace DockerOpt.Core.Tests.Shell;

public class ShellCommandBuilderTests
{
    [Fact]
    public void I_can_join_commands_with_and()
    {
        Assert.Equal(
            "apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*",
            ShellCommandBuilder.JoinWithAnd(["apt-get update", "apt-get install -y curl", "rm -rf /var/lib/apt/lists/*"]));
    }

    [Theory]
    [InlineData("a || b", "{ a || b; }")]
    [InlineData("a; b", "{ a; b; }")]
    [InlineData("a; b;", "{ a; b; }")]
    [InlineData("a\nb", "{ a\nb; }")]
    [InlineData("a && b | c", "a && b | c")]
    [InlineData("(a || b)", "(a || b)")]
    [InlineData("a && b\n", "a && b")]
    public void A_command_after_and_is_grouped_only_when_its_meaning_would_change(string command, string expected)
    {
        Assert.Equal(expected, ShellCommandBuilder.AsAndOperand(command));
    }

    [Fact]
    public void The_joined_command_fails_like_separate_RUNs()
    {
        // 'x || y' as the second RUN must not run y when the first RUN failed.
        string joined = ShellCommandBuilder.JoinWithAnd(["a; b", "x || y", "z"]);

        Assert.Equal("a; b && { x || y; } && z", joined);
        ShellScript script = ShellParser.Parse(joined);
        Assert.True(script.IsFullyUnderstood);
        Assert.Equal(["a", "b", "x", "y", "z"], script.Commands.Select(static c => c.Simple!.Name!.Value));
    }

    [Fact]
    public void I_can_lay_a_chain_over_several_lines_in_the_file_style()
    {
        string[] commands = ["apt-get update", "apt-get install -y git", "rm -rf /var/lib/apt/lists/*"];

        Assert.Equal(
            "apt-get update \\\r\n    && apt-get install -y git \\\r\n    && rm -rf /var/lib/apt/lists/*",
            ShellCommandBuilder.FormatChain(commands, ShellChainFormat.LeadingOperator('\\', "\r\n", "    ")));
        Assert.Equal(
            "apt-get update && `\n  apt-get install -y git && `\n  rm -rf /var/lib/apt/lists/*",
            ShellCommandBuilder.FormatChain(commands, ShellChainFormat.TrailingOperator('`', "\n", "  ")));
    }

    [Fact]
    public void A_multi_line_chain_is_the_same_command_once_continuations_are_removed()
    {
        string[] commands = ["cd /src", "make", "make install"];
        string raw = ShellCommandBuilder.FormatChain(commands, ShellChainFormat.LeadingOperator('\\', "\n", "    "));

        ShellScript parsed = ShellParser.Parse(raw, ShellParseOptions.ForDockerfileSource('\\'));
        Assert.Equal(["cd", "make", "make"], parsed.Commands.Select(static c => c.Simple!.Name!.Value));
        Assert.Equal([ShellConnector.None, ShellConnector.And, ShellConnector.And], parsed.Commands.Select(static c => c.Connector));
    }

    [Theory]
    [InlineData("apt-get update # refresh", "comment")]
    [InlineData("cat <<EOF > /x", "here-document")]
    [InlineData("dockerd &", "background")]
    [InlineData("echo 'open", "not complete")]
    public void I_am_told_why_a_command_cannot_be_followed(string command, string reason)
    {
        string? why = ShellCommandBuilder.WhyCannotBeFollowed(ShellParser.Parse(command));

        Assert.NotNull(why);
        Assert.Contains(reason, why, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("apt-get update")]
    [InlineData("a || b")]
    [InlineData("a; b")]
    [InlineData("if true; then a; fi")]
    public void Ordinary_commands_can_be_followed(string command)
    {
        Assert.Null(ShellCommandBuilder.WhyCannotBeFollowed(ShellParser.Parse(command)));
    }
}