using DockerOpt.Cli.Tests.Support;
using DockerOpt.TestKit;

namespace DockerOpt.Cli.Tests;

/// <summary>
/// The size budget of a project lives in its <c>.dockeropt.yaml</c>, so CI can run <c>dockeropt budget IMAGE</c>
/// without repeating the limits; an option given on the command line wins over the file.
/// </summary>
public sealed class BudgetConfigTests : IDisposable
{
    private readonly CliSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    [Fact]
    public void Without_a_limit_anywhere_budget_says_where_limits_come_from()
    {
        var result = sandbox.Run("budget", "app:latest");

        Assert.Equal("dockeropt: budget needs at least one of --max-size, --max-wasted, --min-efficiency (or a 'budget:' in .dockeropt.yaml)\n", result.Error);
        Assert.Equal(2, result.ExitCode);
    }

    [EngineFact]
    [Trait("Category", "Engine")]
    public void The_budget_in_dockeropt_yaml_applies_when_no_limit_is_given_and_an_option_wins_over_it()
    {
        // debian:bookworm-slim is one of the stand-in base images scripts/engine/setup.sh builds (about 80 MB).
        sandbox.Write(".dockeropt.yaml", "budget:\n  maxSize: 1MB\n");

        var fromFile = sandbox.Run("budget", "debian:bookworm-slim");
        var fromOption = sandbox.Run("budget", "debian:bookworm-slim", "--max-size", "10GB");

        Assert.Equal(1, fromFile.ExitCode);
        Assert.Matches(@"^budget: over: debian:bookworm-slim is [0-9.]+ MB, over the 1\.0 MB budget by ", fromFile.Out);
        Assert.Equal(0, fromOption.ExitCode);
        Assert.StartsWith("budget: ok: debian:bookworm-slim is within budget", fromOption.Out, StringComparison.Ordinal);
    }
}