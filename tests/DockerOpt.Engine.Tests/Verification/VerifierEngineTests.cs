using System.Diagnostics;

using DockerOpt.Engine.Engines;
using DockerOpt.Engine.Errors;
using DockerOpt.Engine.Verification;
using DockerOpt.TestKit;

namespace DockerOpt.Engine.Tests.Verification;

/// <summary>
/// Real verifications of a tiny app on the real engine. One class, so they run one after another. Every image a
/// run builds carries a label with that run's own id, so "nothing left behind" is counted by image id on the
/// engine, whatever other tests build meanwhile.
/// </summary>
[Trait("Category", "Engine")]
public sealed class VerifierEngineTests
{
    private readonly ContainerEngine _engine = new(new EngineOptions());
    private readonly string _run = Guid.NewGuid().ToString("N")[..10];

    private string Original => $"""
        FROM debian:bookworm-slim
        LABEL org.dockeropt.test.run={_run}
        COPY app.sh /app/app.sh
        RUN head -c 500000 /dev/urandom > /tmp/junk.bin
        RUN rm /tmp/junk.bin
        CMD ["sh", "/app/app.sh"]
        """;

    private string Rewrite => $"""
        FROM debian:bookworm-slim
        LABEL org.dockeropt.test.run={_run}
        COPY app.sh /app/app.sh
        CMD ["sh", "/app/app.sh"]
        """;

    [EngineFact]
    public async Task Verify_builds_both_measures_both_and_passes_the_smoke_test_without_touching_the_users_files()
    {
        using var context = new TempDirectory();
        var dockerfile = context.Write("Dockerfile", Original);
        context.Write("app.sh", "echo hello from the app\n");
        var steps = new List<VerifyProgress>();

        var report = await new Verifier(_engine).VerifyAsync(
            new VerifyRequest(dockerfile, context.Path, Rewrite) { SmokeCommand = ["sh", "/app/app.sh"], WarmRuns = 2 },
            new SynchronousProgress<VerifyProgress>(steps.Add));

        Assert.True(report.Passed);
        var smoke = Assert.Single(report.Checks);
        Assert.True(smoke.Passed, smoke.Reason);
        Assert.NotNull(report.Rewrite);
        Assert.True(report.Original.EngineSize > 1_000_000);
        Assert.True(report.Original.PullSize < report.Original.EngineSize);
        Assert.Equal(report.Original.LayerCount - 2, report.Rewrite.LayerCount);
        Assert.True(report.Original.WastedBytes >= 500_000);
        Assert.Equal(0, report.Rewrite.WastedBytes);
        Assert.True(report.Rewrite.EngineSize < report.Original.EngineSize);
        Assert.Empty(report.ConfigDifferences);
        Assert.Equal("app.sh", report.WarmEditFile);
        Assert.Single(report.Original.ColdBuild.Samples);
        Assert.Equal(2, report.Original.WarmRebuild?.Samples.Length);
        Assert.Equal(2, report.Rewrite.WarmRebuild?.Samples.Length);
        Assert.Contains(steps, static step => step.Subject == "rewrite" && step.Activity == "cold build" && !step.RunningSteps.IsEmpty);
        Assert.Contains(steps, static step => step.Subject == "original" && step.Activity == "warm rebuild 2 of 2");
        Assert.Equal(Original, File.ReadAllText(dockerfile));
        Assert.Equal("echo hello from the app\n", File.ReadAllText(Path.Combine(context.Path, "app.sh")));
        Assert.Equal(["Dockerfile", "app.sh"], Directory.EnumerateFileSystemEntries(context.Path).Select(Path.GetFileName).Order());

        // Two cold builds, two cache primings and four warm rebuilds made images; none is left, tagged or not.
        Assert.Empty(await ImagesOfThisRunAsync());
    }

    [EngineFact]
    public async Task Bisect_names_the_pass_whose_edit_breaks_the_smoke_test_and_leaves_no_image_behind()
    {
        using var context = new TempDirectory();
        var dockerfile = context.Write("Dockerfile", Original);
        context.Write("app.sh", "echo hello from the app\n");
        var broken = Rewrite.Replace("""CMD ["sh", "/app/app.sh"]""", """CMD ["sh", "-c", "echo something else"]""", StringComparison.Ordinal);
        var junk = "RUN head -c 500000 /dev/urandom > /tmp/junk.bin\nRUN rm /tmp/junk.bin\n";

        // "drop-junk" removes the junk layers (harmless); "change-cmd" changes what the app prints (the bug).
        string RewriteWithout(IReadOnlySet<string> off) => (off.Contains("drop-junk"), off.Contains("change-cmd")) switch
        {
            (true, true) => Original,
            (true, false) => broken.Replace("COPY app.sh /app/app.sh\n", "COPY app.sh /app/app.sh\n" + junk, StringComparison.Ordinal),
            (false, true) => Rewrite,
            (false, false) => broken,
        };

        var report = await new Verifier(_engine).VerifyAsync(new VerifyRequest(dockerfile, context.Path, broken)
        {
            SmokeCommand = [],
            Bisect = true,
            MeasureWarmRebuild = false,
            AppliedPassIds = ["drop-junk", "change-cmd"],
            RewriteWithout = RewriteWithout,
        });

        Assert.False(report.Passed);
        Assert.Contains("output differs", Assert.Single(report.Checks).Reason, StringComparison.Ordinal);
        Assert.NotNull(report.Bisect);
        Assert.Equal("change-cmd", report.Bisect.Culprit);
        Assert.Equal([false, true], report.Bisect.Attempts.Select(static attempt => attempt.Fixed));
        Assert.Empty(await ImagesOfThisRunAsync());
    }

    [EngineFact]
    public async Task An_original_that_does_not_build_is_reported_as_not_dockeropts_doing()
    {
        using var context = new TempDirectory();
        var dockerfile = context.Write("Dockerfile", "FROM debian:bookworm-slim\nRUN echo the original is broken && exit 7\n");

        var error = await Assert.ThrowsAsync<OriginalBuildFailedException>(() =>
            new Verifier(_engine).VerifyAsync(new VerifyRequest(dockerfile, context.Path, "FROM debian:bookworm-slim\n")));

        Assert.Contains("not dockeropt's doing", error.Message, StringComparison.Ordinal);
        Assert.Contains("exit 7", error.BuildLogTail, StringComparison.Ordinal);
    }

    [EngineFact]
    public async Task An_original_that_fails_its_own_check_stops_the_run_before_the_rewrite_is_built()
    {
        using var context = new TempDirectory();
        var dockerfile = context.Write("Dockerfile", Original);
        context.Write("app.sh", "echo hello\n");
        var subjects = new HashSet<string>(StringComparer.Ordinal);

        var error = await Assert.ThrowsAsync<OriginalCheckFailedException>(() =>
            new Verifier(_engine).VerifyAsync(
                new VerifyRequest(dockerfile, context.Path, Rewrite) { SmokeCommand = ["sh", "-c", "echo the check is wrong >&2; exit 4"] },
                new SynchronousProgress<VerifyProgress>(step => subjects.Add(step.Subject))));

        Assert.Equal("smoke test", error.Check);
        Assert.Contains("exit code 4: the check is wrong", error.Reason, StringComparison.Ordinal);
        Assert.Equal(["original"], subjects);
        Assert.Empty(await ImagesOfThisRunAsync());
    }

    [EngineFact]
    public async Task A_cancelled_verification_removes_every_image_it_built_also_those_whose_tag_moved_on()
    {
        using var context = new TempDirectory();
        var dockerfile = context.Write("Dockerfile", Original);
        context.Write("app.sh", "echo hello\n");
        using var cancellation = new CancellationTokenSource();
        var imagesWhenCancelled = 0;

        // Cancel once both cold builds, both cache primings and the original's first warm rebuild made their images.
        var progress = new SynchronousProgress<VerifyProgress>(step =>
        {
            if (step.Subject == "rewrite" && step.Activity == "warm rebuild 1 of 3" && !cancellation.IsCancellationRequested)
            {
                imagesWhenCancelled = ImagesOfThisRunAsync().GetAwaiter().GetResult().Count;
                cancellation.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new Verifier(_engine).VerifyAsync(new VerifyRequest(dockerfile, context.Path, Rewrite) { ColdBuild = false }, progress, cancellation.Token));

        Assert.True(imagesWhenCancelled >= 3, $"only {imagesWhenCancelled} images of this run existed when it was cancelled");
        Assert.Empty(await ImagesOfThisRunAsync());
    }

    [EngineFact]
    public async Task The_http_probe_passes_environment_variables_and_env_files_and_requires_the_expected_text()
    {
        using var context = new TempDirectory();
        var serve = $$"""
            FROM python:3.12-slim
            LABEL org.dockeropt.test.run={{_run}}
            {0}CMD ["sh", "-c", "mkdir -p /srv && echo \"hello $GREETING from $PLACE\" > /srv/index.html && cd /srv && exec python3 -m http.server 8080"]
            """;
        var dockerfile = context.Write("Dockerfile", string.Format(System.Globalization.CultureInfo.InvariantCulture, serve, "RUN head -c 300000 /dev/urandom > /junk && rm /junk\n"));
        var envFile = context.Write("test.env", "PLACE=the env file\n");
        var request = new VerifyRequest(dockerfile, context.Path, string.Format(System.Globalization.CultureInfo.InvariantCulture, serve, ""))
        {
            Http = new HttpProbe(8080, "/index.html") { Expect = "hello world from the env file" },
            Container = new ContainerSettings { Environment = ["GREETING=world"], EnvironmentFiles = [envFile] },
            MeasureWarmRebuild = false,
            ColdBuild = false,
        };

        var report = await new Verifier(_engine).VerifyAsync(request);
        var error = await Assert.ThrowsAsync<OriginalCheckFailedException>(() =>
            new Verifier(_engine).VerifyAsync(request with { Http = request.Http with { Expect = "goodbye" } }));

        var probe = Assert.Single(report.Checks);
        Assert.True(probe.Passed, probe.Reason);
        Assert.Equal("both answered GET /index.html with 200 containing \"hello world from the env file\"", probe.Reason);
        Assert.Equal("answered 200, but the body does not contain \"goodbye\" (body: \"hello world from the env file\")", error.Reason);
        Assert.Empty(await ImagesOfThisRunAsync());
    }

    /// <summary>The ids of every image, tagged, dangling or intermediate, that carries this test's run label.</summary>
    private async Task<IReadOnlyList<string>> ImagesOfThisRunAsync()
    {
        using var process = Process.Start(new ProcessStartInfo("docker", ["images", "--all", "--quiet", "--no-trunc", "--filter", $"label=org.dockeropt.test.run={_run}"])
        {
            RedirectStandardOutput = true,
        })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();
    }
}