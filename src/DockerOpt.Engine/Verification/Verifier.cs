using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;

using DockerOpt.Engine.Analysis;
using DockerOpt.Engine.Engines;
using DockerOpt.Engine.Errors;

namespace DockerOpt.Engine.Verification;

/// <summary>
/// Proves a rewrite on a real engine: builds the original and checks it at once (a broken original or check stops
/// the run before anything else is built), builds the rewrite and runs the same smoke command or HTTP probe on it,
/// measures both images, compares the runtime settings, times rebuilds after a one-line source edit (the median of
/// several runs), and (on request) finds the pass that broke a failing rewrite. The user's files are never touched:
/// the rewrite is built from a temp file and the warm-rebuild edit happens in a temp copy of the context. Every
/// image the run built is removed at the end by its id, also when the run fails or is cancelled, except the
/// measured ones with <see cref="VerifyRequest.KeepImages"/>.
/// </summary>
public sealed class Verifier(ContainerEngine engine)
{
    public async Task<VerifyReport> VerifyAsync(VerifyRequest request, IProgress<VerifyProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var run = new Run(engine, request, progress);
        try
        {
            return await run.ExecuteAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await run.CleanUpAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The state of one verification: its temp folder, the images it built, its clock.</summary>
    private sealed class Run(ContainerEngine engine, VerifyRequest request, IProgress<VerifyProgress>? progress)
    {
        private readonly string _id = Guid.NewGuid().ToString("N")[..10];
        private readonly List<BuiltImage> _images = [];
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private IReadOnlySet<string> _imagesBefore = new HashSet<string>();
        private string? _tempDirectory;
        private Baseline? _baseline;

        public async Task<VerifyReport> ExecuteAsync(CancellationToken cancellationToken)
        {
            await engine.GetServerVersionAsync(cancellationToken).ConfigureAwait(false);
            _imagesBefore = await engine.ListImageIdsAsync(cancellationToken).ConfigureAwait(false);
            _tempDirectory = Directory.CreateTempSubdirectory("dockeropt-verify-").FullName;
            var rewritePath = WriteRewrite("rewrite", request.RewrittenText);

            var originalBuild = await BuildAsync("original", "cold build", request.DockerfilePath, request.ContextDirectory, "original", noCache: request.ColdBuild, cancellationToken)
                .ConfigureAwait(false);
            if (!originalBuild.Succeeded)
            {
                throw new OriginalBuildFailedException(request.DockerfilePath, originalBuild.LogTail);
            }

            // A broken original (or a check that does not fit it) is found now, before the rewrite is built and anything is measured.
            _baseline = await CheckOriginalAsync(originalBuild.Tag, cancellationToken).ConfigureAwait(false);

            var rewriteBuild = await BuildAsync("rewrite", "cold build", rewritePath, request.ContextDirectory, "rewrite", noCache: request.ColdBuild, cancellationToken)
                .ConfigureAwait(false);
            var checks = rewriteBuild.Succeeded
                ? await CheckAsync("rewrite", rewriteBuild.Tag, cancellationToken).ConfigureAwait(false)
                : [];

            var (originalCold, rewriteCold) = await SampleColdBuildsAsync(originalBuild, rewriteBuild, rewritePath, cancellationToken).ConfigureAwait(false);
            var original = await MeasureAsync("original", originalBuild, originalCold, cancellationToken).ConfigureAwait(false);
            var rewrite = rewriteBuild.Succeeded ? await MeasureAsync("rewrite", rewriteBuild, rewriteCold!, cancellationToken).ConfigureAwait(false) : null;

            string? warmFile = null;
            string? warmNote = null;
            if (request.MeasureWarmRebuild && rewrite is not null)
            {
                BuildTimes? originalWarm, rewriteWarm;
                (warmFile, warmNote, originalWarm, rewriteWarm) = await MeasureWarmRebuildsAsync(rewritePath, cancellationToken).ConfigureAwait(false);
                original = original with { WarmRebuild = originalWarm };
                rewrite = rewrite with { WarmRebuild = rewriteWarm };
            }

            var differences = rewrite is null ? ImmutableArray<ConfigDifference>.Empty : ConfigComparer.Compare(original.Config, rewrite.Config);
            var passed = rewrite is not null && checks.All(static check => check.Passed);
            BisectOutcome? bisect = null;
            if (request.Bisect && !passed)
            {
                bisect = await BisectAsync(cancellationToken).ConfigureAwait(false);
            }

            return new VerifyReport(
                original,
                rewrite,
                rewriteBuild.Succeeded ? null : rewriteBuild.LogTail,
                checks,
                differences,
                warmFile,
                warmNote,
                bisect,
                request.KeepImages ? [.. _images.Where(static image => image.Keepable).Select(static image => image.Tag)] : []);
        }

        /// <summary>
        /// Removes every image this run built: first its tags, then each image by the id the engine gave it, which
        /// also catches an image whose tag moved to a later build. An id that still has someone else's tag, or that
        /// was in the engine before the run started, is not this run's to remove.
        /// </summary>
        public async Task CleanUpAsync()
        {
            var removable = _images.Where(image => !request.KeepImages || !image.Keepable).ToList();
            var kept = _images.Except(removable).Select(static image => image.ImageId).OfType<string>().ToHashSet(StringComparer.Ordinal);
            foreach (var tag in removable.Select(static image => image.Tag).Distinct(StringComparer.Ordinal))
            {
                await BestEffortAsync(() => engine.RemoveImageAsync(tag, CancellationToken.None)).ConfigureAwait(false);
            }

            var ids = removable.Select(static image => image.ImageId).OfType<string>().Distinct(StringComparer.Ordinal);
            foreach (var id in ids.Where(id => !kept.Contains(id) && !_imagesBefore.Contains(id)))
            {
                await BestEffortAsync(() => engine.RemoveUntaggedImageAsync(id, CancellationToken.None)).ConfigureAwait(false);
            }

            if (_tempDirectory is not null)
            {
                try
                {
                    Directory.Delete(_tempDirectory, recursive: true);
                }
                catch (IOException)
                {
                }
                catch (UnauthorizedAccessException)
                {
                }
            }
        }

        private static async Task BestEffortAsync(Func<Task> removal)
        {
            try
            {
                await removal().ConfigureAwait(false);
            }
            catch (EngineException)
            {
                // A leftover image must not hide the verification's own result or error.
            }
        }

        private string WriteRewrite(string name, string text)
        {
            var path = Path.Combine(_tempDirectory!, $"Dockerfile.{name}");
            File.WriteAllText(path, text);

            // BuildKit reads <Dockerfile>.dockerignore in preference to the context's .dockerignore.
            var ownIgnore = request.DockerfilePath + ".dockerignore";
            if (request.RewrittenDockerignore is { } generated)
            {
                File.WriteAllText(path + ".dockerignore", generated);
            }
            else if (File.Exists(ownIgnore))
            {
                File.Copy(ownIgnore, path + ".dockerignore");
            }

            return path;
        }

        /// <summary>
        /// Builds with a tag of its own (<paramref name="tagSuffix"/>, unique within the run) and records tag and id for
        /// clean-up. <paramref name="keepable"/>: one of the images <see cref="VerifyRequest.KeepImages"/> keeps.
        /// </summary>
        private async Task<BuildResult> BuildAsync(
            string subject, string activity, string dockerfile, string context, string tagSuffix, bool noCache, CancellationToken cancellationToken, bool keepable = true)
        {
            var tag = $"dockeropt-verify-{_id}:{tagSuffix}";

            // Registered before the build starts: a build cancelled or timed out at its very end can still have
            // tagged the image, and clean-up must remove it then too (removing a tag that never came is harmless).
            var image = new BuiltImage(tag, keepable);
            _images.Add(image);
            Report(subject, activity, [], tag);
            var stepProgress = new SynchronousProgress<BuildProgress>(build => Report(subject, activity, [.. build.Running.Select(static step => step.Text)], tag));
            var result = await engine.BuildAsync(new BuildRequest(dockerfile, context, tag, noCache), request.Timeout, stepProgress, cancellationToken)
                .ConfigureAwait(false);
            image.ImageId = result.ImageId;
            return result;
        }

        /// <summary>
        /// Builds both images cold again until each has <see cref="VerifyRequest.ColdRuns"/> samples, alternating, so a
        /// slow minute on a shared machine hits both alike. A sample whose build fails is left out.
        /// </summary>
        private async Task<(BuildTimes Original, BuildTimes? Rewrite)> SampleColdBuildsAsync(
            BuildResult originalBuild, BuildResult rewriteBuild, string rewritePath, CancellationToken cancellationToken)
        {
            var original = new List<TimeSpan> { originalBuild.Duration };
            var rewrite = new List<TimeSpan> { rewriteBuild.Duration };
            var runs = rewriteBuild.Succeeded ? request.ColdRuns : 1;
            for (var run = 2; run <= runs; run++)
            {
                var activity = string.Create(CultureInfo.InvariantCulture, $"cold build {run} of {runs}");
                var suffix = string.Create(CultureInfo.InvariantCulture, $"-cold-{run}");
                var again = await BuildAsync("original", activity, request.DockerfilePath, request.ContextDirectory, "original" + suffix, request.ColdBuild, cancellationToken, keepable: false)
                    .ConfigureAwait(false);
                if (again.Succeeded)
                {
                    original.Add(again.Duration);
                }

                again = await BuildAsync("rewrite", activity, rewritePath, request.ContextDirectory, "rewrite" + suffix, request.ColdBuild, cancellationToken, keepable: false)
                    .ConfigureAwait(false);
                if (again.Succeeded)
                {
                    rewrite.Add(again.Duration);
                }
            }

            return (new BuildTimes([.. original]), rewriteBuild.Succeeded ? new BuildTimes([.. rewrite]) : null);
        }

        private async Task<ImageMeasurement> MeasureAsync(string subject, BuildResult build, BuildTimes coldBuild, CancellationToken cancellationToken)
        {
            Report(subject, "measuring", []);
            var archive = await engine.ReadImageAsync(build.Tag, cancellationToken).ConfigureAwait(false);
            var config = await engine.InspectConfigAsync(build.Tag, cancellationToken).ConfigureAwait(false);
            var size = await engine.GetImageSizeAsync(build.Tag, cancellationToken).ConfigureAwait(false);
            var efficiency = EfficiencyCalculator.Calculate(archive.Layers);
            return new ImageMeasurement(
                build.Tag,
                size,
                archive.CompressedSize,
                archive.Layers.Length,
                efficiency.WastedBytes,
                efficiency.Score,
                coldBuild,
                config);
        }

        /// <summary>Runs the requested checks on the original; any failure stops the verification (the original is the yardstick).</summary>
        private async Task<Baseline> CheckOriginalAsync(string originalTag, CancellationToken cancellationToken)
        {
            RunResult? smoke = null;
            if (request.SmokeCommand is { } command)
            {
                Report("original", "smoke test", []);
                smoke = await engine.RunAsync(originalTag, command, request.Timeout, request.Container, cancellationToken).ConfigureAwait(false);
                if (smoke.ExitCode != 0)
                {
                    throw new OriginalCheckFailedException("smoke test", $"exit code {smoke.ExitCode}: {Shorten(smoke.StandardError + smoke.StandardOutput)}");
                }
            }

            HttpProbeResult? http = null;
            if (request.Http is { } probe)
            {
                Report("original", "HTTP probe", []);
                http = await engine.ProbeHttpAsync(originalTag, probe, ProbeTimeout, request.Container, cancellationToken).ConfigureAwait(false);
                if (!http.Satisfies(probe))
                {
                    throw new OriginalCheckFailedException($"HTTP probe of {probe}", DescribeProbe(http, probe));
                }
            }

            return new Baseline(smoke, http);
        }

        /// <summary>Runs the requested checks on <paramref name="tag"/> and compares each with what the original did.</summary>
        private async Task<ImmutableArray<CheckOutcome>> CheckAsync(string subject, string tag, CancellationToken cancellationToken)
        {
            var baseline = _baseline!;
            var outcomes = ImmutableArray.CreateBuilder<CheckOutcome>();
            if (request.SmokeCommand is { } command && baseline.Smoke is { } before)
            {
                Report(subject, "smoke test", []);
                var after = await engine.RunAsync(tag, command, request.Timeout, request.Container, cancellationToken).ConfigureAwait(false);
                outcomes.Add(CompareSmoke(before, after));
            }

            if (request.Http is { } probe && baseline.Http is { } answered)
            {
                Report(subject, "HTTP probe", []);
                var after = await engine.ProbeHttpAsync(tag, probe, ProbeTimeout, request.Container, cancellationToken).ConfigureAwait(false);
                var passed = after.Satisfies(probe) && after.StatusCode == answered.StatusCode;
                var expectation = probe.Expect is null ? "" : $" containing \"{Shorten(probe.Expect)}\"";
                outcomes.Add(new CheckOutcome(
                    "HTTP probe",
                    passed,
                    DescribeProbe(answered, probe),
                    DescribeProbe(after, probe),
                    passed
                        ? string.Create(CultureInfo.InvariantCulture, $"both answered GET {probe.Path} with {after.StatusCode}{expectation}")
                        : string.Create(CultureInfo.InvariantCulture, $"the rewrite {DescribeProbe(after, probe)}; the original answered {answered.StatusCode}{expectation}")));
            }

            return outcomes.ToImmutable();
        }

        private TimeSpan ProbeTimeout => request.Timeout < TimeSpan.FromMinutes(1) ? request.Timeout : TimeSpan.FromMinutes(1);

        /// <summary>
        /// Primes both caches in a copy of the context, then rebuilds each image <see cref="VerifyRequest.WarmRuns"/>
        /// times after appending a different comment to one source file, alternating original and rewrite. Each
        /// edit is new, so every sample redoes the work an edit causes, and neither image reuses the other's layers.
        /// </summary>
        private async Task<(string? File, string? Note, BuildTimes? Original, BuildTimes? Rewrite)> MeasureWarmRebuildsAsync(string rewritePath, CancellationToken cancellationToken)
        {
            var copy = Path.Combine(_tempDirectory!, "context");
            CopyDirectory(request.ContextDirectory, copy);
            var file = request.WarmEditFile ?? WarmEditPicker.Pick(copy);
            if (file is null || !WarmEditPicker.CanEdit(file) || !File.Exists(Path.Combine(copy, file)))
            {
                return (null, "no source file to edit was found in the context (pass one to measure the warm rebuild)", null, null);
            }

            var fullPath = Path.Combine(copy, file);
            var pristine = await File.ReadAllTextAsync(fullPath, cancellationToken).ConfigureAwait(false);
            WarmSeries[] series = [new("original", request.DockerfilePath), new("rewrite", rewritePath)];
            foreach (var images in series)
            {
                var primed = await BuildAsync(images.Subject, "priming the cache", images.Dockerfile, copy, images.Subject + "-warm-0", noCache: false, cancellationToken, keepable: false)
                    .ConfigureAwait(false);
                images.Failed = !primed.Succeeded;
            }

            for (var run = 1; run <= request.WarmRuns; run++)
            {
                foreach (var images in series.Where(static images => !images.Failed))
                {
                    var token = string.Create(CultureInfo.InvariantCulture, $"{images.Subject}-{_id}-{run}");
                    await File.WriteAllTextAsync(fullPath, WarmEditPicker.AppendComment(fullPath, pristine, token), cancellationToken).ConfigureAwait(false);
                    var activity = request.WarmRuns == 1 ? "warm rebuild" : string.Create(CultureInfo.InvariantCulture, $"warm rebuild {run} of {request.WarmRuns}");
                    var tag = string.Create(CultureInfo.InvariantCulture, $"{images.Subject}-warm-{run}");
                    var rebuilt = await BuildAsync(images.Subject, activity, images.Dockerfile, copy, tag, noCache: false, cancellationToken, keepable: false).ConfigureAwait(false);
                    if (rebuilt.Succeeded)
                    {
                        images.Samples.Add(rebuilt.Duration);
                    }
                    else
                    {
                        images.Failed = true;
                    }
                }
            }

            await File.WriteAllTextAsync(fullPath, pristine, cancellationToken).ConfigureAwait(false);
            return (file, null, series[0].Times, series[1].Times);
        }

        private async Task<BisectOutcome> BisectAsync(CancellationToken cancellationToken)
        {
            if (request.RewriteWithout is not { } rewriteWithout || request.AppliedPassIds.IsDefaultOrEmpty)
            {
                return new BisectOutcome(null, []);
            }

            var attempts = ImmutableArray.CreateBuilder<BisectAttempt>();
            foreach (var passId in request.AppliedPassIds)
            {
                var subject = $"rewrite without {passId}";
                var text = rewriteWithout(new HashSet<string>(StringComparer.Ordinal) { passId });
                if (string.Equals(text, request.RewrittenText, StringComparison.Ordinal))
                {
                    attempts.Add(new BisectAttempt(passId, false, "switching it off changes nothing"));
                    continue;
                }

                var path = WriteRewrite("without-" + passId, text);
                var build = await BuildAsync(subject, "build", path, request.ContextDirectory, "without-" + passId, noCache: false, cancellationToken).ConfigureAwait(false);
                if (!build.Succeeded)
                {
                    attempts.Add(new BisectAttempt(passId, false, "still fails to build"));
                    continue;
                }

                var checks = await CheckAsync(subject, build.Tag, cancellationToken).ConfigureAwait(false);
                var failed = checks.FirstOrDefault(static check => !check.Passed);
                if (failed is not null)
                {
                    attempts.Add(new BisectAttempt(passId, false, $"builds, but the {failed.Name} still fails"));
                    continue;
                }

                attempts.Add(new BisectAttempt(passId, true, "builds and passes the checks without it"));
                return new BisectOutcome(passId, attempts.ToImmutable());
            }

            return new BisectOutcome(null, attempts.ToImmutable());
        }

        private static CheckOutcome CompareSmoke(Engines.RunResult before, Engines.RunResult after)
        {
            var sameExit = before.ExitCode == after.ExitCode;
            var sameOutput = string.Equals(before.StandardOutput.TrimEnd(), after.StandardOutput.TrimEnd(), StringComparison.Ordinal);
            var reason = (sameExit, sameOutput) switch
            {
                (true, true) => $"both exited {after.ExitCode} with the same output",
                (false, _) => $"the rewrite exited {after.ExitCode}, the original {before.ExitCode}: {Shorten(after.StandardError + after.StandardOutput)}",
                (true, false) => $"same exit code {after.ExitCode}, but the output differs: {FirstDifference(before.StandardOutput, after.StandardOutput)}",
            };
            return new CheckOutcome("smoke test", sameExit && sameOutput, $"exit {before.ExitCode}, {Shorten(before.StandardOutput)}", $"exit {after.ExitCode}, {Shorten(after.StandardOutput)}", reason);
        }

        private static string FirstDifference(string before, string after)
        {
            var beforeLines = before.TrimEnd().Split('\n');
            var afterLines = after.TrimEnd().Split('\n');
            for (var i = 0; i < Math.Max(beforeLines.Length, afterLines.Length); i++)
            {
                var left = i < beforeLines.Length ? beforeLines[i] : "(nothing)";
                var right = i < afterLines.Length ? afterLines[i] : "(nothing)";
                if (!string.Equals(left, right, StringComparison.Ordinal))
                {
                    return string.Create(CultureInfo.InvariantCulture, $"line {i + 1}: original \"{Shorten(left)}\", rewrite \"{Shorten(right)}\"");
                }
            }

            return "trailing whitespace only";
        }

        private static string DescribeProbe(HttpProbeResult result, HttpProbe probe)
        {
            if (result.StatusCode is not { } status)
            {
                return $"did not answer: {result.Failure}" + (result.ContainerLogTail.Length > 0 ? $" (container log: {Shorten(result.ContainerLogTail)})" : "");
            }

            var answered = string.Create(CultureInfo.InvariantCulture, $"answered {status}");
            if (!result.Succeeded)
            {
                return answered + $" (body: \"{Shorten(result.Body)}\")";
            }

            return probe.Expect is { } expected && !result.Body.Contains(expected, StringComparison.Ordinal)
                ? answered + $", but the body does not contain \"{Shorten(expected)}\" (body: \"{Shorten(result.Body)}\")"
                : answered;
        }

        private static string Shorten(string text)
        {
            var oneLine = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            return oneLine.Length <= 160 ? oneLine : oneLine[..157] + "...";
        }

        private static void CopyDirectory(string source, string destination)
        {
            Directory.CreateDirectory(destination);
            foreach (var directory in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
            {
                Directory.CreateDirectory(Path.Combine(destination, Path.GetRelativePath(source, directory)));
            }

            foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
            {
                File.Copy(file, Path.Combine(destination, Path.GetRelativePath(source, file)), overwrite: true);
            }
        }

        private void Report(string subject, string activity, ImmutableArray<string> runningSteps, string? image = null) =>
            progress?.Report(new VerifyProgress(subject, activity, _clock.Elapsed) { RunningSteps = runningSteps, Image = image });
    }

    /// <summary>What the original did in the checks: the yardstick for the rewrite and for every bisect attempt.</summary>
    private sealed record Baseline(RunResult? Smoke, HttpProbeResult? Http);

    /// <summary>An image the run built: its tag (known before the build) and its id (known after).</summary>
    private sealed class BuiltImage(string tag, bool keepable)
    {
        public string Tag { get; } = tag;

        public bool Keepable { get; } = keepable;

        public string? ImageId { get; set; }
    }

    /// <summary>The warm rebuilds of one image.</summary>
    private sealed class WarmSeries(string subject, string dockerfile)
    {
        public string Subject { get; } = subject;

        public string Dockerfile { get; } = dockerfile;

        public List<TimeSpan> Samples { get; } = [];

        public bool Failed { get; set; }

        public BuildTimes? Times => Failed || Samples.Count == 0 ? null : new BuildTimes([.. Samples]);
    }

    /// <summary>Forwards progress synchronously (Progress&lt;T&gt; would post it out of order).</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}