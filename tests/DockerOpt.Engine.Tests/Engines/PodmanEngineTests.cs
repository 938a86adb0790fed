using DockerOpt.Core.BuildContext;
using DockerOpt.Core.Passes;
using DockerOpt.Engine.Engines;
using DockerOpt.Engine.Tests.Examples;
using DockerOpt.Engine.Verification;
using DockerOpt.TestKit;
using DockerOpt.Transforms;

using Xunit.Abstractions;

namespace DockerOpt.Engine.Tests.Engines;

/// <summary>
/// <c>dockeropt verify --engine podman</c> on the real podman (Debian's 4.3, rootful, scripts/engine/podman.sh), and
/// the ways podman differs from Docker that verify meets: its image size field, its save archive, its build output,
/// its image ids and its slow container stop. One class, so its builds run one after another.
/// </summary>
[Trait("Category", "Engine")]
public sealed class PodmanEngineTests(ITestOutputHelper output)
{
    private static readonly EngineOptions Podman = new(EngineKind.Podman);
    private readonly ContainerEngine _engine = new(Podman);
    private readonly string _run = Guid.NewGuid().ToString("N")[..10];

    // The python example, not go: every example's verdict on podman is ExampleVerdictsOnEveryEngineTests' job, and go's
    // uncached compile of the standard library made this the slowest podman test (4-6 min at load) for no extra proof.
    [PodmanFact]
    public async Task Verify_on_podman_builds_the_python_example_and_its_rewrite_probes_both_and_leaves_no_image_behind()
    {
        var context = Directory.CreateTempSubdirectory("dockeropt-podman-python-").FullName;
        try
        {
            await ExampleContext.CopyTrackedFilesAsync("python", context);
            var smoke = ExampleSmokeCheck.Read(Path.Combine(context, "smoke.json"));
            var dockerfile = Path.Combine(context, "Dockerfile");

            var pristine = await File.ReadAllTextAsync(dockerfile);
            var result = PassRegistry.CreateRewriter().Rewrite(pristine, "Dockerfile", new FileSystemBuildContext(context), RewriteOptions.Default);
            Assert.True(result.HasChanges);

            // The label goes last into both files after the rewrite, so only the final images carry it: podman keeps an
            // image per build step (and per stage) as its cache, which verify leaves, as it leaves BuildKit's cache.
            var label = $"\nLABEL org.dockeropt.test.run={_run}\n";
            await File.WriteAllTextAsync(dockerfile, pristine + label);
            var steps = new List<VerifyProgress>();

            var report = await new Verifier(_engine).VerifyAsync(
                new VerifyRequest(dockerfile, context, result.RewrittenText + label)
                {
                    Http = new HttpProbe(smoke.Port, smoke.Path) { Expect = smoke.ExpectedBody },
                    MeasureWarmRebuild = false,
                    ColdBuild = false,
                    Timeout = TimeSpan.FromMinutes(15),
                },
                new SynchronousProgress<VerifyProgress>(steps.Add));

            Assert.True(report.Rewrite is not null, $"the rewrite does not build on podman: {report.RewriteBuildLog}");
            var probe = Assert.Single(report.Checks);
            Assert.True(probe.Passed, probe.Reason);
            Assert.Equal($"both answered GET {smoke.Path} with 200 containing \"{smoke.ExpectedBody}\"", probe.Reason);
            Assert.True(report.Rewrite.EngineSize < report.Original.EngineSize / 2, $"{report.Rewrite.EngineSize} vs {report.Original.EngineSize}");
            Assert.True(report.Original.PullSize < report.Original.EngineSize);
            Assert.Equal("app", report.Rewrite.Config.User);

            // Buildah's own progress lines ("[2/2] STEP 3/5: COPY ...") name the step running.
            Assert.Contains(steps, static step => step.Subject == "rewrite" && step.RunningSteps.Any(static running => running.Contains("STEP ", StringComparison.Ordinal)));
            Assert.Empty(await PodmanImagesAsync("--filter", $"label=org.dockeropt.test.run={_run}"));
            output.WriteLine($"podman: original {report.Original.EngineSize:N0} bytes, rewrite {report.Rewrite.EngineSize:N0} bytes; cold builds {report.Original.ColdBuild.Median.TotalSeconds:0.0} s / {report.Rewrite.ColdBuild.Median.TotalSeconds:0.0} s");
        }
        finally
        {
            Directory.Delete(context, recursive: true);
        }
    }

    [PodmanFact]
    public async Task Podmans_size_field_counts_the_layers_as_tar_bytes_so_it_is_compared_only_with_podmans_own()
    {
        using var context = new TempDirectory();
        var dockerfile = context.Write("Dockerfile", $"FROM debian:bookworm-slim\nRUN head -c 1000000 /dev/urandom > /random.bin\nLABEL org.dockeropt.test.run={_run}\n");
        var tag = $"dockeropt-test/podman-{_run}:latest";
        try
        {
            var build = await _engine.BuildAsync(new BuildRequest(dockerfile, context.Path, tag), TimeSpan.FromMinutes(5));
            Assert.True(build.Succeeded, build.LogTail);

            var size = await _engine.GetImageSizeAsync(tag);
            var baseSize = await _engine.GetImageSizeAsync("debian:bookworm-slim");
            var archive = await _engine.ReadImageAsync(tag);

            // Docker's figure is the files' bytes (ImageSizeEngineTests); podman's is the layers' tar streams (headers and
            // padding included) plus the config: the save archive's layers add up to it within a few kB.
            Assert.InRange(size - archive.UncompressedSize, 0, 16 * 1024);
            Assert.InRange(size - baseSize, 1_000_000, 1_000_000 + 64 * 1024);
            Assert.Equal(2, archive.Layers.Length);

            // The id podman wrote with --iidfile is the one it lists, in the same sha256: form as Docker's.
            Assert.StartsWith("sha256:", build.ImageId, StringComparison.Ordinal);
            Assert.Contains(build.ImageId!, await _engine.ListImageIdsAsync());
        }
        finally
        {
            await _engine.RemoveImageAsync(tag);
        }

        Assert.Empty(await PodmanImagesAsync("--filter", $"label=org.dockeropt.test.run={_run}"));
    }

    private static async Task<IReadOnlyList<string>> PodmanImagesAsync(params string[] filter)
    {
        var result = await DockerCli.RunAsync("podman", ["images", "--all", "--quiet", "--no-trunc", .. filter], DockerCli.ShortTimeout);
        Assert.True(result.ExitCode == 0, result.StandardError);
        return result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}