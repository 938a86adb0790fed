using System.Text.Json;

using DockerOpt.Cli.Tests.Support;

namespace DockerOpt.Cli.Tests;

public sealed class LintCommandTests : IDisposable
{
    private const string Naive = "FROM debian:bookworm\nRUN apt-get update && apt-get install -y curl\nEXPOSE 80\nCMD [\"curl\"]\n";
    private readonly CliSandbox sandbox = new();

    public LintCommandTests()
    {
        sandbox.Write("Dockerfile", Naive).Write(".dockerignore", ".git\n");
    }

    public void Dispose() => sandbox.Dispose();

    [Fact]
    public void Text_gives_file_line_col_severity_the_id_with_its_hadolint_id_and_where_to_read_more()
    {
        var before = sandbox.State();

        var result = sandbox.Run("lint");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            "Dockerfile:2:1: warning: test-no-recommends (DL3015): install only the packages asked for (--no-install-recommends) (the fix changes behaviour) [see: dockeropt explain test-no-recommends]\n"
            + "Dockerfile:3:1: info: test-privileged-port: port below 1024: a non-root user cannot bind it; listen on 8080, say [see: dockeropt explain test-privileged-port]\n"
            + "1 warning, 1 info in 1 file; ids in parentheses are the hadolint rules of the same meaning\n",
            result.Out);
        Assert.Equal(before, sandbox.State());
    }

    [Fact]
    public void The_fail_level_decides_the_exit_code()
    {
        sandbox.Write("Dockerfile", "FROM debian\nEXPOSE 80\n");

        Assert.Equal(0, sandbox.Run("lint").ExitCode);
        Assert.Equal(1, sandbox.Run("lint", "--fail-level", "info").ExitCode);
        sandbox.Write("Dockerfile", Naive);
        Assert.Equal(0, sandbox.Run("lint", "--fail-level", "error").ExitCode);
    }

    [Fact]
    public void A_clean_file_says_so_and_exits_0()
    {
        sandbox.Write("Dockerfile", "FROM debian\n");

        var result = sandbox.Run("lint");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("no problems in 1 file\n", result.Out);
    }

    [Fact]
    public void Json_lists_every_diagnostic_with_its_rule_and_hadolint_ids()
    {
        var result = sandbox.Run("lint", "--format", "json");

        using var document = JsonDocument.Parse(result.Out);
        var first = document.RootElement.GetProperty("diagnostics")[0];
        Assert.Equal("Dockerfile", first.GetProperty("file").GetString());
        Assert.Equal(2, first.GetProperty("line").GetInt32());
        Assert.Equal("warning", first.GetProperty("severity").GetString());
        Assert.Equal("test-no-recommends", first.GetProperty("rule").GetString());
        Assert.Equal("DL3015", first.GetProperty("hadolint")[0].GetString());
        Assert.Equal("dockeropt explain test-no-recommends", first.GetProperty("explain").GetString());
        Assert.Equal(2, document.RootElement.GetProperty("diagnostics").GetArrayLength());
    }

    [Fact]
    public void Sarif_validates_against_the_official_SARIF_2_1_0_schema()
    {
        sandbox.Write("sub dir/api.Dockerfile", Naive);

        var result = sandbox.Run("lint", "--format", "sarif", ".");

        var evaluation = SarifSchema.Evaluate(result.Out);
        Assert.True(evaluation.IsValid, string.Join('\n', SarifSchema.Errors(evaluation)));
        using var document = JsonDocument.Parse(result.Out);
        var run = document.RootElement.GetProperty("runs")[0];
        Assert.Equal(3, run.GetProperty("tool").GetProperty("driver").GetProperty("rules").GetArrayLength());
        var results = run.GetProperty("results");
        Assert.Equal(5, results.GetArrayLength()); // sub dir/ has no .dockerignore yet: one more finding there
        var uris = results.EnumerateArray()
            .Select(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString())
            .Distinct()
            .ToList();
        Assert.Equal(["Dockerfile", "sub%20dir/api.Dockerfile"], uris);
        Assert.Equal("note", results.EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "test-privileged-port" && r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString() == "Dockerfile").GetProperty("level").GetString());
    }

    [Fact]
    public void The_schema_check_catches_an_invalid_SARIF_log()
    {
        // The validator must be able to fail: a result without a message is invalid SARIF 2.1.0.
        var evaluation = SarifSchema.Evaluate("""{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},"results":[{"ruleId":"a"}]}]}""");

        Assert.False(evaluation.IsValid);
    }

    [Fact]
    public void Github_writes_workflow_commands_with_escaped_values()
    {
        var result = sandbox.Run("lint", "--format", "github");

        Assert.Equal(
            "::warning file=Dockerfile,line=2,col=1,title=dockeropt test-no-recommends (DL3015)::install only the packages asked for (--no-install-recommends) (see: dockeropt explain test-no-recommends)\n"
            + "::notice file=Dockerfile,line=3,col=1,title=dockeropt test-privileged-port::port below 1024: a non-root user cannot bind it; listen on 8080, say (see: dockeropt explain test-privileged-port)\n",
            result.Out);
    }

    [Fact]
    public void Github_escapes_commas_and_colons_in_properties_and_percent_and_newlines_in_messages()
    {
        var diagnostic = new Lint.LintDiagnostic("x", [], Lint.LintSeverity.Warning, "a,b:c.Dockerfile", 1, 1, "100% sure\nreally", false);

        var text = Rendering.LintGitHub.Render([diagnostic]);

        Assert.Equal("::warning file=a%2Cb%3Ac.Dockerfile,line=1,col=1,title=dockeropt x::100%25 sure%0Areally (see: dockeropt explain x)\n", text);
    }

    [Fact]
    public void A_pragma_silences_the_diagnostic_like_it_silences_the_rewrite()
    {
        sandbox.Write("Dockerfile", "FROM debian\n# hadolint ignore=DL3015\nRUN apt-get install -y curl\n");

        var result = sandbox.Run("lint");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("no problems in 1 file\n", result.Out);
    }
}