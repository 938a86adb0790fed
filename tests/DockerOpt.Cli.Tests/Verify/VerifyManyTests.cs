using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;

using DockerOpt.Cli.Tests.Support;

namespace DockerOpt.Cli.Tests.Verify;

/// <summary>
/// <c>dockeropt verify DIR... --jobs N</c> as a platform team runs it in CI: every Dockerfile found is verified, one
/// that fails does not stop the others, the exit code is the worst of them, the report is JSON or JUnit XML, and
/// Ctrl-C removes what every running verification built. A fake <c>docker</c> stands in (it answers a build, writes a
/// tiny image archive for <c>save</c>, and logs each call): it proves the CLI's side only; the engine tests prove the
/// verification itself on real engines.
/// </summary>
public sealed class VerifyManyTests : IDisposable
{
    private const string Naive = "FROM debian:bookworm\nRUN apt-get update && apt-get install -y curl\nCMD [\"curl\"]\n";


    private readonly CliSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    [Fact]
    public async Task A_directory_is_verified_Dockerfile_by_Dockerfile_and_one_failure_does_not_stop_the_others()
    {
        sandbox.Write("services/api/Dockerfile", Naive);
        sandbox.Write("services/broken-original/Dockerfile", Naive);
        sandbox.Write("services/rewrite-fails/Dockerfile", Naive);
        sandbox.Write("services/web/Dockerfile", Naive);
        var dockeropt = new DockeroptProcess(sandbox, FakeDockerEngine.Script);

        var result = await dockeropt.RunAsync("verify", "services", "--jobs", "2", "--no-warm", "--format", "junit");

        // The worst verdict decides: the broken original is bad input (2), above the failed rewrite (1).
        Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}\n{result.Error}");
        var junit = XDocument.Parse(result.Out);
        var suite = Assert.Single(junit.Root!.Elements("testsuite"));
        var cases = suite.Elements("testcase").ToDictionary(static element => (string)element.Attribute("name")!, StringComparer.Ordinal);
        Assert.Equal(
            ["services/api/Dockerfile", "services/broken-original/Dockerfile", "services/rewrite-fails/Dockerfile", "services/web/Dockerfile"],
            cases.Keys.Order(StringComparer.Ordinal));
        Assert.All(cases["services/api/Dockerfile"].Elements(), static element => Assert.Equal("system-out", element.Name.LocalName));
        Assert.All(cases["services/web/Dockerfile"].Elements(), static element => Assert.Equal("system-out", element.Name.LocalName));
        Assert.Contains("the rewrite does not build: #6 ERROR: the rewrite broke", (string)cases["services/rewrite-fails/Dockerfile"].Element("failure")!.Attribute("message")!, StringComparison.Ordinal);
        Assert.Contains("fails to build on this engine (not dockeropt's doing", (string)cases["services/broken-original/Dockerfile"].Element("error")!.Attribute("message")!, StringComparison.Ordinal);
        Assert.Equal(("4", "1", "1", "0"), ((string)suite.Attribute("tests")!, (string)suite.Attribute("failures")!, (string)suite.Attribute("errors")!, (string)suite.Attribute("skipped")!));

        // The rewrites of the other three were built, so the broken one stopped nothing; the table went to standard error.
        Assert.Equal(3, dockeropt.Calls().Count(static call => call.StartsWith("build ", StringComparison.Ordinal) && call.Contains("Dockerfile.rewrite", StringComparison.Ordinal)));
        Assert.Contains("verify: 4 Dockerfiles in ", result.Error, StringComparison.Ordinal);
        Assert.Contains(" with --jobs 2: 2 passed, 1 failed, 1 bad input\n", result.Error, StringComparison.Ordinal);
        Assert.Contains("] services/web/Dockerfile: passed after ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_JUnit_report_is_well_formed_JUnit_that_CI_servers_read()
    {
        sandbox.Write("app/Dockerfile", Naive);
        sandbox.Write("app/unchanged/Dockerfile", "FROM scratch\n");
        sandbox.Write("app/rewrite-fails/Dockerfile", Naive);
        var dockeropt = new DockeroptProcess(sandbox, FakeDockerEngine.Script);

        var result = await dockeropt.RunAsync("verify", "app", "--no-warm", "--format", "junit");

        Assert.True(result.ExitCode == 1, $"exit {result.ExitCode}\n{result.Error}");
        JunitShape.AssertValid(result.Out);
        var skipped = XDocument.Parse(result.Out).Descendants("testcase").Single(static element => (string)element.Attribute("name")! == "app/unchanged/Dockerfile");
        Assert.Equal("no pass changes this Dockerfile", (string)skipped.Element("skipped")!.Attribute("message")!);
    }

    [Fact]
    public async Task The_JSON_report_has_a_summary_and_every_Dockerfiles_verdict_and_report()
    {
        sandbox.Write("a/Dockerfile", Naive);
        sandbox.Write("b/rewrite-fails/Dockerfile", Naive);
        var dockeropt = new DockeroptProcess(sandbox, FakeDockerEngine.Script);

        var result = await dockeropt.RunAsync("verify", "a", "b", "--no-warm", "--format", "json");

        Assert.True(result.ExitCode == 1, $"exit {result.ExitCode}\n{result.Error}");
        using var json = JsonDocument.Parse(result.Out);
        var summary = json.RootElement.GetProperty("summary");
        Assert.Equal((2, 1, 1, 1), (summary.GetProperty("dockerfiles").GetInt32(), summary.GetProperty("passed").GetInt32(), summary.GetProperty("failed").GetInt32(), summary.GetProperty("exitCode").GetInt32()));
        var results = json.RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["a/Dockerfile", "b/rewrite-fails/Dockerfile"], results.Select(static r => r.GetProperty("dockerfile").GetString()));
        Assert.Equal(["passed", "failed"], results.Select(static r => r.GetProperty("verdict").GetString()));
        Assert.Equal(12345, results[0].GetProperty("report").GetProperty("original").GetProperty("engineSizeBytes").GetInt64());
    }

    [Fact]
    public async Task The_checks_of_each_Dockerfile_come_from_the_verify_section_of_its_config()
    {
        sandbox.Write(".dockeropt.yaml", "verify:\n  \"api/*\":\n    smoke: \"curl --version\"\n    env: [APP_ENV=test]\n");
        sandbox.Write("api/Dockerfile", Naive);
        sandbox.Write("web/Dockerfile", Naive);
        var dockeropt = new DockeroptProcess(sandbox, FakeDockerEngine.Script + "\nif [ \"$1\" = run ]; then echo 'curl 8.0'; fi");

        var result = await dockeropt.RunAsync("verify", "api", "web", "--no-warm");

        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}\n{result.Error}{result.Out}");
        var runs = dockeropt.Calls().Where(static call => call.StartsWith("run ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, runs.Count);
        Assert.All(runs, static call => Assert.Matches(@" --pull=never --env APP_ENV=test dockeropt-verify-\w+:(original|rewrite) curl --version$", call));
        Assert.Contains("pass smoke test", result.Out, StringComparison.Ordinal);
        Assert.Contains("verify: 2 Dockerfiles in ", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ctrl_C_stops_every_running_verification_and_each_removes_what_it_built()
    {
        sandbox.Write("services/one/Dockerfile", Naive);
        sandbox.Write("services/two/Dockerfile", Naive);
        sandbox.Write("services/three/Dockerfile", Naive);
        var dockeropt = new DockeroptProcess(sandbox, "case \"$1\" in\n  version) echo 26.1.5 ;;\n  build) exec sleep 120 ;;\nesac");

        using var process = dockeropt.Start("verify", "services", "--jobs", "2", "--no-warm");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        await WaitUntilAsync(() => dockeropt.Calls().Count(static call => call.StartsWith("build ", StringComparison.Ordinal)) == 2);
        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var exited = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(exited.Token);

        var stderr = await error;
        Assert.True(process.ExitCode == 3, $"exit {process.ExitCode}\n{stderr}{await output}");
        Assert.EndsWith("dockeropt: cancelled\n", stderr, StringComparison.Ordinal);
        var removed = dockeropt.Calls().Where(static call => call.StartsWith("image rm --force dockeropt-verify-", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, removed.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(2, dockeropt.Calls().Count(static call => call.StartsWith("build ", StringComparison.Ordinal)));
        Assert.Empty(Directory.EnumerateFileSystemEntries(dockeropt.TempDirectory));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "dockeropt never started the builds");
            await Task.Delay(10);
        }
    }
}