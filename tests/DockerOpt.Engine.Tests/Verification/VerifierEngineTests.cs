using System.Diagnostics;

using DockerOpt.Engine.Engines;
using DockerOpt.Engine.Errors;
using DockerOpt.Engine.Verification;
using DockerOpt.TestKit;

namespace DockerOpt.Engine.Tests.Verification;

/// <summary>Real verifications of a tiny app on the real engine. One class, so they run one after another.</summary>
[Trait("Category", "Engine")]
public sealed class VerifierEngineTests
{
    private const string Original = """
        FROM debian:bookworm-slim
        COPY app.sh /app/app.sh
        RUN head -c 500000 /dev/urandom > /tmp/junk.bin
        RUN rm /tmp/junk.bin
        CMD ["sh", "/app/app.sh"]
        """;

    private const string Rewrite = """
        FROM debian:bookworm-slim
        COPY app.sh /app/app.sh
        CMD ["sh", "/app/app.sh"]
        """;

    private readonly ContainerEngine _engine = new(new EngineOptions());

    [EngineFact]
    public async Task Verify_builds_both_measures_both_and_passes_the_smoke_test_without_touching_the_users_files()
    {
        using var context = new TempDirectory();
        var dockerfile = context.Write("Dockerfile", Original);
        context.Write("app.sh", "echo hello from the app\n");
        var steps = new List<VerifyProgress>();

        var report = await new Verifier(_engine).VerifyAsync(
            new VerifyRequest(dockerfile, context.Path, Rewrite) { SmokeCommand = ["sh", "/app/app.sh"] },
            new SynchronousProgress<VerifyProgress>(steps.Add));

        Assert.True(report.Passed);
        var smoke = Assert.Single(report.Checks);
        Assert.True(smoke.Passed, smoke.Reason);
        Assert.NotNull(report.Rewrite);
        Assert.True(report.Original.UncompressedSize > 1_000_000);
        Assert.True(report.Original.CompressedSize < report.Original.UncompressedSize);
        Assert.Equal(report.Original.LayerCount - 2, report.Rewrite.LayerCount);
        Assert.True(report.Original.WastedBytes >= 500_000);
        Assert.Equal(0, report.Rewrite.WastedBytes);
        Assert.True(report.Rewrite.UncompressedSize < report.Original.UncompressedSize);
        Assert.Empty(report.ConfigDifferences);
        Assert.Equal("app.sh", report.WarmEditFile);
        Assert.NotNull(report.Original.WarmRebuild);
        Assert.NotNull(report.Rewrite.WarmRebuild);
        Assert.Contains(steps, static step => step.Subject == "rewrite" && step.Activity == "cold build" && step.Step is not null);
        Assert.Equal(Original, File.ReadAllText(dockerfile));
        Assert.Equal("echo hello from the app\n", File.ReadAllText(Path.Combine(context.Path, "app.sh")));
        Assert.Equal(["Dockerfile", "app.sh"], Directory.EnumerateFileSystemEntries(context.Path).Select(Path.GetFileName).Order());
        Assert.False(await ImageExistsAsync(report.Original.Tag));
        Assert.False(await ImageExistsAsync(report.Rewrite.Tag));
    }

    [EngineFact]
    public async Task Bisect_names_the_pass_whose_edit_breaks_the_smoke_test()
    {
        using var context = new TempDirectory();
        var dockerfile = context.Write("Dockerfile", Original);
        context.Write("app.sh", "echo hello from the app\n");
        const string Broken = """
            FROM debian:bookworm-slim
            COPY app.sh /app/app.sh
            CMD ["sh", "-c", "echo something else"]
            """;

        // "drop-junk" removes the junk layers (harmless); "change-cmd" changes what the app prints (the bug).
        static string RewriteWithout(IReadOnlySet<string> off) => (off.Contains("drop-junk"), off.Contains("change-cmd")) switch
        {
            (true, true) => Original,
            (true, false) => Broken.Replace("COPY app.sh /app/app.sh\n", "COPY app.sh /app/app.sh\nRUN head -c 500000 /dev/urandom > /tmp/junk.bin\nRUN rm /tmp/junk.bin\n", StringComparison.Ordinal),
            (false, true) => Rewrite,
            (false, false) => Broken,
        };

        var report = await new Verifier(_engine).VerifyAsync(new VerifyRequest(dockerfile, context.Path, Broken)
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
    public async Task A_cancelled_verification_removes_the_images_it_built()
    {
        using var context = new TempDirectory();
        var dockerfile = context.Write("Dockerfile", Original);
        context.Write("app.sh", "echo hello\n");
        using var cancellation = new CancellationTokenSource();
        var imagesOfThisRun = new HashSet<string>(StringComparer.Ordinal);

        // Cancel as soon as the original is built and the rewrite's build starts.
        var progress = new SynchronousProgress<VerifyProgress>(step =>
        {
            if (step.Image is not null)
            {
                imagesOfThisRun.Add(step.Image);
            }

            if (step.Subject == "rewrite" && step.Activity == "cold build")
            {
                cancellation.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new Verifier(_engine).VerifyAsync(new VerifyRequest(dockerfile, context.Path, Rewrite), progress, cancellation.Token));

        // Only this run's images: other engine tests build their own verify images in parallel.
        Assert.Contains(imagesOfThisRun, static image => image.EndsWith(":original", StringComparison.Ordinal));
        Assert.Empty((await VerifyImagesAsync()).Intersect(imagesOfThisRun));
    }

    private static async Task<bool> ImageExistsAsync(string tag)
    {
        using var process = Process.Start(new ProcessStartInfo("docker", ["image", "inspect", tag]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        await process.WaitForExitAsync();
        return process.ExitCode == 0;
    }

    private static async Task<IReadOnlyList<string>> VerifyImagesAsync()
    {
        using var process = Process.Start(new ProcessStartInfo("docker", ["images", "--filter", "reference=dockeropt-verify-*", "--format", "{{.Repository}}:{{.Tag}}"])
        {
            RedirectStandardOutput = true,
        })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}