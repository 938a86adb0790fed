using System.Collections.Immutable;
using System.Globalization;

using DockerOpt.Core.BuildContext;
using DockerOpt.Core.Passes;
using DockerOpt.Engine.Engines;
using DockerOpt.Engine.Verification;
using DockerOpt.TestKit;
using DockerOpt.Transforms;

using Xunit.Abstractions;

namespace DockerOpt.Engine.Tests.Examples;

/// <summary>
/// Issue 12's promise for teams that build elsewhere: <c>dockeropt verify</c> of every example reaches the same verdict
/// on the local Docker, on podman and on a second Docker daemon reached through a Docker context. The verdict is what
/// a user reads: did the rewrite build, which checks passed, which runtime settings changed, is the rewrite smaller
/// by that engine's own measure, and which user it runs as. Sizes differ between engines (podman counts tar bytes),
/// so they go to the test output, not into the comparison. Each example verifies on the three engines side by side (three daemons), so one engine's failure is reported beside the others' verdicts.
/// </summary>
[Trait("Category", "Engine")]
public sealed class ExampleVerdictsOnEveryEngineTests(ITestOutputHelper output)
{
    private static readonly TimeSpan EngineTimeout = TimeSpan.FromMinutes(15);

    private static readonly ImmutableArray<(string Name, EngineOptions Options)> Engines =
    [
        ("docker", new EngineOptions()),
        ("podman", new EngineOptions(EngineKind.Podman)),
        ("remote", new EngineOptions { DockerContext = EngineAvailability.RemoteContext }),
    ];

    // Not rust: it passes on all three engines, but takes 75 s here (three cargo builds side by side on 2 cores), more than CI can spare.
    [EveryEngineTheory]
    [InlineData("go")]
    [InlineData("go-multistage")]
    [InlineData("node")]
    [InlineData("node-slim")]
    [InlineData("node-devdeps")]
    [InlineData("python")]
    public async Task Verify_reaches_the_same_passing_verdict_on_docker_podman_and_a_remote_daemon(string example)
    {
        var context = Directory.CreateTempSubdirectory($"dockeropt-engines-{example}-").FullName;
        try
        {
            await ExampleContext.CopyTrackedFilesAsync(example, context);
            var smoke = ExampleSmokeCheck.Read(Path.Combine(context, "smoke.json"));
            var dockerfile = Path.Combine(context, "Dockerfile");
            var result = PassRegistry.CreateRewriter().Rewrite(
                await File.ReadAllTextAsync(dockerfile), "Dockerfile", new FileSystemBuildContext(context), RewriteOptions.Default);
            Assert.True(result.HasChanges, $"the rewrite left examples/{example}/Dockerfile unchanged");
            var dockerignore = result.Files.FirstOrDefault(static file => file.RelativePath == ".dockerignore")?.Content;

            // The three engines are separate daemons: they build side by side, and the test waits for the slowest.
            var reports = await Task.WhenAll(Engines.Select(engine => new Verifier(new ContainerEngine(engine.Options)).VerifyAsync(
                new VerifyRequest(dockerfile, context, result.RewrittenText)
                {
                    Http = new HttpProbe(smoke.Port, smoke.Path) { Expect = smoke.ExpectedBody },
                    Timeout = EngineTimeout,
                    RewrittenDockerignore = dockerignore,
                    MeasureWarmRebuild = false,
                    ColdBuild = false,
                })));
            var verdicts = Engines.Zip(reports, static (engine, report) => (engine.Name, Verdict: EngineVerdict.Of(report), Report: report)).ToList();
            foreach (var (name, verdict, report) in verdicts)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"examples/{example} on {name}: {verdict}; original {report.Original.EngineSize:N0} bytes, rewrite {report.Rewrite?.EngineSize ?? 0:N0} bytes"));
                if (report.Rewrite is null)
                {
                    output.WriteLine($"rewrite build log on {name}:\n{report.RewriteBuildLog}");
                }
            }

            var reference = verdicts[0].Verdict;
            Assert.True(reference.Passed, $"examples/{example} does not pass verify on docker: {reference}");
            Assert.All(verdicts, engine => Assert.True(
                engine.Verdict == reference,
                $"examples/{example}: {engine.Name} says {engine.Verdict}, docker says {reference}"));
        }
        finally
        {
            try
            {
                Directory.Delete(context, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder must not hide the test's own result.
            }
        }
    }

    /// <summary>What a user reads off one engine's verify report, without the engine's own byte counts.</summary>
    private sealed record EngineVerdict(bool Passed, string Checks, string ConfigChanges, bool RewriteIsSmaller, string RewriteUser)
    {
        public static EngineVerdict Of(VerifyReport report) => new(
            report.Passed,
            string.Join("; ", report.Checks.Select(static check => $"{check.Name} {(check.Passed ? "passed" : "failed")}")),
            string.Join("; ", report.ConfigDifferences.Select(static change => $"{change.Field}: {change.Original} -> {change.Rewrite}")),
            report.Rewrite is { } rewrite && rewrite.EngineSize < report.Original.EngineSize,
            report.Rewrite?.Config.User ?? "(no image)");

        public override string ToString() =>
            $"{(Passed ? "passed" : "FAILED")} [{Checks}] config changes [{ConfigChanges}] smaller {RewriteIsSmaller} user '{RewriteUser}'";
    }
}