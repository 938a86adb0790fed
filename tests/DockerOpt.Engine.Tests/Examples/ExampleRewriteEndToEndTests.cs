using System.Collections.Immutable;
using System.Diagnostics;
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
/// The promise of the tool, proven on a real engine for each example app: the rewrite of the Dockerfile a
/// user typically writes first still builds, still answers its smoke check, is smaller and does not run as
/// root. It goes through <see cref="Verifier"/>, the code behind <c>dockeropt verify</c>, and then checks the
/// answer's body itself. Sizes go to the test output so CI logs show them.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class ExampleRewriteEndToEndTests(ITestOutputHelper output)
{
    /// <summary>Any single build, save or check; a hang fails the test instead of blocking CI.</summary>
    private static readonly TimeSpan EngineTimeout = TimeSpan.FromMinutes(10);

    [EngineTheory]
    [InlineData("node")]
    [InlineData("python")]
    [InlineData("go")]
    [InlineData("go-multistage")]
    [InlineData("node-slim")]
    [InlineData("node-devdeps")]
    [InlineData("rust")]
    public async Task The_rewrite_of_an_example_builds_answers_its_smoke_check_is_smaller_and_does_not_run_as_root(string example)
    {
        var clock = Stopwatch.StartNew();
        var context = Directory.CreateTempSubdirectory($"dockeropt-e2e-{example}-").FullName;
        var keptImages = new List<string>();
        try
        {
            await ExampleContext.CopyTrackedFilesAsync(example, context);
            var dockerfile = Path.Combine(context, "Dockerfile");
            var smoke = ExampleSmokeCheck.Read(Path.Combine(context, "smoke.json"));

            var rewriter = PassRegistry.CreateRewriter();
            var buildContext = new FileSystemBuildContext(context);
            var original = await File.ReadAllTextAsync(dockerfile);
            var result = rewriter.Rewrite(original, "Dockerfile", buildContext, RewriteOptions.Default);
            Assert.False(result.InputHasErrors, $"examples/{example}/Dockerfile does not parse");
            Assert.True(result.HasChanges, $"the rewrite left examples/{example}/Dockerfile unchanged");

            // The rewrite's .dockerignore applies to the rewrite only (BuildKit reads Dockerfile.rewrite.dockerignore
            // before .dockerignore), so the original builds exactly as the user has it today.
            var rewritePath = Path.Combine(context, "Dockerfile.rewrite");
            await File.WriteAllTextAsync(rewritePath, result.RewrittenText);
            string? dockerignore = null;
            foreach (var file in result.Files)
            {
                if (file.RelativePath == ".dockerignore")
                {
                    dockerignore = file.Content;
                    await File.WriteAllTextAsync(rewritePath + ".dockerignore", file.Content);
                }
                else
                {
                    await File.WriteAllTextAsync(Path.Combine(context, file.RelativePath), file.Content);
                }
            }

            output.WriteLine($"--- examples/{example}: Dockerfile.rewrite ---\n{result.RewrittenText}");
            if (dockerignore is not null)
            {
                output.WriteLine($"--- generated .dockerignore ---\n{dockerignore}");
            }

            var appliedPasses = result.Passes.Where(static pass => pass.Changed).Select(static pass => pass.Info.Id).ToImmutableArray();
            var report = await new Verifier(new ContainerEngine(new EngineOptions())).VerifyAsync(new VerifyRequest(dockerfile, context, result.RewrittenText)
            {
                Http = new HttpProbe(smoke.Port, smoke.Path) { Expect = smoke.ExpectedBody },
                Timeout = EngineTimeout,
                RewrittenDockerignore = dockerignore,
                MeasureWarmRebuild = false,
                // Cold times are the benchmark's business; here BuildKit may reuse layers so CI stays short.
                ColdBuild = false,
                KeepImages = true,
                Bisect = true,
                AppliedPassIds = appliedPasses,
                RewriteWithout = without => rewriter.Rewrite(
                    original, "Dockerfile", buildContext, RewriteOptions.Default with { Skip = [.. without] }).RewrittenText,
            });
            keptImages.AddRange(report.KeptImages);
            keptImages.Add(report.Original.Tag);
            if (report.Rewrite is not null)
            {
                keptImages.Add(report.Rewrite.Tag);
            }

            Assert.True(report.Rewrite is not null, $"the rewrite of examples/{example} does not build:\n{report.RewriteBuildLog}{Blame(report)}");
            Assert.All(report.Checks, check => Assert.True(check.Passed, $"{check.Name}: {check.Reason}{Blame(report)}"));
            Assert.Contains(report.Checks, static check => check.Name == "HTTP probe");

            Assert.Equal(smoke.ExpectedBody, (await ExampleHttpCheck.GetBodyAsync(report.Original.Tag, smoke)).Trim());
            Assert.Equal(smoke.ExpectedBody, (await ExampleHttpCheck.GetBodyAsync(report.Rewrite.Tag, smoke)).Trim());

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"examples/{example}: original {Mb(report.Original.EngineSize)} ({Mb(report.Original.PullSize)} pull size, {report.Original.LayerCount} layers, cold build {report.Original.ColdBuild.Median.TotalSeconds:0.0} s)"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"examples/{example}: rewrite  {Mb(report.Rewrite.EngineSize)} ({Mb(report.Rewrite.PullSize)} pull size, {report.Rewrite.LayerCount} layers, cold build {report.Rewrite.ColdBuild.Median.TotalSeconds:0.0} s), user '{report.Rewrite.Config.User}'"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"examples/{example}: rewrite is {100.0 * report.Rewrite.EngineSize / report.Original.EngineSize:0.0}% of the original; test took {clock.Elapsed.TotalSeconds:0} s"));

            Assert.True(
                report.Rewrite.EngineSize < report.Original.EngineSize,
                $"the rewrite of examples/{example} is not smaller: {report.Rewrite.EngineSize:N0} bytes vs the original's {report.Original.EngineSize:N0}");
            Assert.False(RunsAsRoot(report.Rewrite.Config.User), $"the rewrite of examples/{example} runs as root (USER '{report.Rewrite.Config.User}')");
        }
        finally
        {
            foreach (var image in keptImages.Distinct(StringComparer.Ordinal))
            {
                await DockerCli.RemoveQuietlyAsync("image", "rm", "-f", image);
            }

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

    /// <summary>Empty, <c>root</c> and uid 0 (with or without a group) all mean root.</summary>
    private static bool RunsAsRoot(string user)
    {
        var name = user.Split(':')[0].Trim();
        return name.Length == 0 || name == "root" || name == "0";
    }

    private static string Blame(VerifyReport report) =>
        report.Bisect is { } bisect
            ? $"\nbisect: {(bisect.Culprit is { } culprit ? $"switching off '{culprit}' fixes it" : "no single pass to blame")}; "
                + string.Join("; ", bisect.Attempts.Select(static attempt => $"{attempt.PassId}: {attempt.Detail}"))
            : "";

    private static string Mb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1_000_000.0:0.0} MB");
}