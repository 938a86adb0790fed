using DockerOpt.Cli.CommandLine;
using DockerOpt.Cli.Configuration;
using DockerOpt.Cli.Tests.Support;

namespace DockerOpt.Cli.Tests.Verify;

/// <summary>
/// A platform team keeps each service's probe next to its Dockerfiles: the <c>verify:</c> section of
/// <c>.dockeropt.yaml</c> gives http, expect, smoke and env by path glob, and the command line wins over it.
/// </summary>
public sealed class VerifyConfigTests : IDisposable
{
    private static readonly HashSet<string> NoPasses = [];
    private readonly CliSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    [Fact]
    public void Each_Dockerfile_gets_the_checks_of_the_first_glob_its_path_matches()
    {
        sandbox.Write(".dockeropt.yaml", """
            verify:
              "api/*":
                http: 8080/healthz
                expect: ok
                env: [APP_ENV=test, "GREETING=hello world"]
              "tools/*":
                smoke: "tool --version"
              "*":
                smoke: "true"
            """);

        var config = ConfigReader.Read(sandbox.PathOf(".dockeropt.yaml"), ".dockeropt.yaml", NoPasses);

        var api = config.VerifyChecksFor(sandbox.PathOf("api/Dockerfile"));
        Assert.Equal(("8080/healthz", "ok", (string?)null), (api.Http, api.Expect, api.Smoke));
        Assert.Equal(["APP_ENV=test", "GREETING=hello world"], api.Environment.ToArray());
        Assert.Equal("tool --version", config.VerifyChecksFor(sandbox.PathOf("tools/Dockerfile")).Smoke);
        Assert.Equal("true", config.VerifyChecksFor(sandbox.PathOf("web/Dockerfile")).Smoke);
    }

    [Fact]
    public void The_command_line_wins_over_the_file_and_environment_variables_add_up_with_the_command_lines_last()
    {
        var file = new VerifyChecks("8080/healthz", "ok", "true", ["A=file", "B=file"]);

        var merged = new VerifyChecks("9090/ready", null, null, ["A=cli"]).Over(file);

        Assert.Equal("9090/ready", merged.Http);
        Assert.Null(merged.Expect);
        Assert.Equal("true", merged.Smoke);
        Assert.Equal(["A=file", "B=file", "A=cli"], merged.Environment.ToArray());
        Assert.Equal("ok", VerifyChecks.None.Over(file).Expect);
    }

    [Theory]
    [InlineData("verify:\n  \"*\":\n    http: 80a/x\n", "3:11: error: http must be PORT or PORT/PATH (like 8080/healthz), not '80a/x'")]
    [InlineData("verify:\n  \"*\":\n    expect: ok\n", "2:3: error: '*': expect checks the body of the http answer: give http too")]
    [InlineData("verify:\n  \"*\":\n    env: [=x]\n", "3:11: error: env entry '=x' must be NAME=value or NAME")]
    [InlineData("verify:\n  \"*\":\n    probe: 8080\n", "3:5: error: unknown setting 'probe'; expected one of: http, expect, smoke, env")]
    [InlineData("verify: 8080\n", "1:9: error: 'verify' must be an indented block of \"path glob\": blocks of checks (http, expect, smoke, env)")]
    public void A_mistake_in_the_verify_section_is_reported_at_its_line(string yaml, string expected)
    {
        sandbox.Write(".dockeropt.yaml", yaml);

        var error = Assert.Throws<UserInputException>(() => ConfigReader.Read(sandbox.PathOf(".dockeropt.yaml"), ".dockeropt.yaml", NoPasses));

        Assert.Equal(".dockeropt.yaml:" + expected, error.Message);
    }
}