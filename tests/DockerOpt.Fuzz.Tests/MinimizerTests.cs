using System.Text;

using DockerOpt.Fuzz.Running;

namespace DockerOpt.Fuzz.Tests;

public class MinimizerTests
{
    [Fact]
    public void A_failing_input_shrinks_to_the_lines_and_bytes_that_make_it_fail()
    {
        var input = Encoding.UTF8.GetBytes("FROM debian\n# comment\nRUN apt-get update\nUSER app\nCOPY a b\\\nENV X=1\n");

        var minimized = Minimizer.Minimize(input, candidate => Encoding.UTF8.GetString(candidate).Contains("b\\", StringComparison.Ordinal));

        Assert.Equal("b\\", Encoding.UTF8.GetString(minimized));
    }

    [Fact]
    public void Minimizing_stops_at_its_budget_and_keeps_what_still_fails()
    {
        var input = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("RUN echo x\n", 500)) + "BAD\n");
        var checks = 0;

        var minimized = Minimizer.Minimize(input, candidate => ++checks > 0 && Encoding.UTF8.GetString(candidate).Contains("BAD", StringComparison.Ordinal), maxChecks: 20);

        Assert.InRange(checks, 1, 20);
        Assert.Contains("BAD", Encoding.UTF8.GetString(minimized), StringComparison.Ordinal);
        Assert.True(minimized.Length < input.Length);
    }
}