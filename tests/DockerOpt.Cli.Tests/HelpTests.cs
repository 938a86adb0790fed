using DockerOpt.Cli.Tests.Support;

namespace DockerOpt.Cli.Tests;

public sealed class HelpTests : IDisposable
{
    private readonly CliSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    [Theory]
    [InlineData("rewrite")]
    [InlineData("lint")]
    [InlineData("passes")]
    [InlineData("explain")]
    [InlineData("parse")]
    [InlineData("completion")]
    [InlineData("verify")]
    [InlineData("inspect")]
    [InlineData("budget")]
    [InlineData("ci")]
    [InlineData("ci github")]
    public void Every_command_has_help_that_ends_with_examples(string command)
    {
        var result = sandbox.Run([.. command.Split(' '), "--help"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage:", result.Out, StringComparison.Ordinal);
        var examples = result.Out[result.Out.IndexOf("Examples:\n", StringComparison.Ordinal)..];
        Assert.Contains($"  dockeropt {command}", examples, StringComparison.Ordinal);
    }

    [Fact]
    public void The_root_help_lists_the_commands_and_examples()
    {
        var result = sandbox.Run("--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var command in new[] { "rewrite", "lint", "passes", "explain", "parse", "completion" })
        {
            Assert.Contains($"  {command} ", result.Out, StringComparison.Ordinal);
        }

        Assert.Contains("Examples:\n  dockeropt rewrite ", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_prints_the_package_version()
    {
        var result = sandbox.Run("--version");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+\n$", result.Out);
    }

    [Fact]
    public void The_suggest_directive_completes_commands_and_option_values()
    {
        var commands = sandbox.Run("[suggest:12]", "dockeropt li");
        var values = sandbox.Run("[suggest:25]", "dockeropt lint --format ");

        Assert.Equal("lint\n", commands.Out);
        Assert.Equal("github\njson\nsarif\ntext\n", values.Out);
    }

    [Theory]
    [InlineData("bash", "complete -o default -F _dockeropt_complete dockeropt")]
    [InlineData("zsh", "compdef _dockeropt dockeropt")]
    public void Completion_prints_a_script_that_asks_dockeropt_for_suggestions(string shell, string registration)
    {
        var result = sandbox.Run("completion", shell);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("dockeropt \"[suggest:", result.Out, StringComparison.Ordinal);
        Assert.Contains(registration, result.Out, StringComparison.Ordinal);
    }
}