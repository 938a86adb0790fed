using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;

using DockerOpt.Engine.Analysis;
using DockerOpt.Engine.Engines;
using DockerOpt.Engine.Errors;

namespace DockerOpt.Engine.Verification;

/// <summary>
/// Proves a rewrite on a real engine: builds the original and the rewrite cold, measures both images from
/// their own data, runs the smoke command or HTTP probe on both, compares the runtime settings, times a
/// rebuild after a one-line source edit, and (on request) finds the pass that broke a failing rewrite.
/// The user's files are never touched: the rewrite is built from a temp file and the warm-rebuild edit
/// happens in a temp copy of the context. Images and temp files are removed at the end, also when the
/// run is cancelled, unless <see cref="VerifyRequest.KeepImages"/>.
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

    /// <summary>The state of one verification: its temp folder, the tags it created, its clock.</summary>
    private sealed class Run(ContainerEngine engine, VerifyRequest request, IProgress<VerifyProgress>? progress)
    {
        private readonly string _id = Guid.NewGuid().ToString("N")[..10];
        private readonly List<string> _tags = [];
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private string? _tempDirectory;

        public async Task<VerifyReport> ExecuteAsync(CancellationToken cancellationToken)
        {
            await engine.GetServerVersionAsync(cancellationToken).ConfigureAwait(false);
            _tempDirectory = Directory.CreateTempSubdirectory("dockeropt-verify-").FullName;
            var rewritePath = WriteRewrite("rewrite", request.RewrittenText);

            var originalBuild = await BuildAsync("original", "cold build", request.DockerfilePath, request.ContextDirectory, "original", noCache: request.ColdBuild, cancellationToken)
                .ConfigureAwait(false);
            if (!originalBuild.Succeeded)
            {
                throw new OriginalBuildFailedException(request.DockerfilePath, originalBuild.LogTail);
            }

            var rewriteBuild = await BuildAsync("rewrite", "cold build", rewritePath, request.ContextDirectory, "rewrite", noCache: request.ColdBuild, cancellationToken)
                .ConfigureAwait(false);

            var original = await MeasureAsync("original", originalBuild, cancellationToken).ConfigureAwait(false);
            var rewrite = rewriteBuild.Succeeded ? await MeasureAsync("rewrite", rewriteBuild, cancellationToken).ConfigureAwait(false) : null;

            var checks = ImmutableArray<CheckOutcome>.Empty;
            if (rewrite is not null)
            {
                checks = await RunChecksAsync("rewrite", original.Tag, rewrite.Tag, cancellationToken).ConfigureAwait(false);
            }
            else if (request.SmokeCommand is not null || request.Http is not null)
            {
                // The original's checks still run, so a broken check is blamed on the check, not on the rewrite.
                await RunChecksAsync("original", original.Tag, null, cancellationToken).ConfigureAwait(false);
            }

            string? warmFile = null;
            string? warmNote = null;
            if (request.MeasureWarmRebuild && rewrite is not null)
            {
                (warmFile, warmNote, original, rewrite) = await MeasureWarmRebuildsAsync(original, rewrite, rewritePath, cancellationToken).ConfigureAwait(false);
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
                request.KeepImages ? [.. _tags] : []);
        }

        public async Task CleanUpAsync()
        {
            if (!request.KeepImages)
            {
                foreach (var tag in _tags)
                {
                    try
                    {
                        await engine.RemoveImageAsync(tag, CancellationToken.None).ConfigureAwait(false);
                    }
                    catch (EngineException)
                    {
                        // Best effort: a leftover image must not hide the verification's own result or error.
                    }
                }
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

        private async Task<BuildResult> BuildAsync(string subject, string activity, string dockerfile, string context, string tagSuffix, bool noCache, CancellationToken cancellationToken)
        {
            var tag = $"dockeropt-verify-{_id}:{tagSuffix}";

            // Registered before the build starts: a build cancelled or timed out at its very end can still have
            // tagged the image, and clean-up must remove it then too (removing a tag that never came is harmless).
            if (!_tags.Contains(tag))
            {
                _tags.Add(tag);
            }

            Report(subject, activity, null, tag);
            var stepProgress = new StepProgress(step => Report(subject, activity, step.Text, tag));
            return await engine.BuildAsync(new BuildRequest(dockerfile, context, tag, noCache), request.Timeout, stepProgress, cancellationToken)
                .ConfigureAwait(false);
        }

        private async Task<ImageMeasurement> MeasureAsync(string subject, BuildResult build, CancellationToken cancellationToken)
        {
            Report(subject, "measuring", null);
            var archive = await engine.ReadImageAsync(build.Tag, cancellationToken).ConfigureAwait(false);
            var config = await engine.InspectConfigAsync(build.Tag, cancellationToken).ConfigureAwait(false);
            var efficiency = EfficiencyCalculator.Calculate(archive.Layers);
            return new ImageMeasurement(
                build.Tag,
                archive.UncompressedSize,
                archive.CompressedSize,
                archive.Layers.Length,
                efficiency.WastedBytes,
                efficiency.Score,
                build.Duration,
                config);
        }

        /// <summary>Runs the requested checks on the original, then on <paramref name="rewriteTag"/> when given.</summary>
        private async Task<ImmutableArray<CheckOutcome>> RunChecksAsync(string subject, string originalTag, string? rewriteTag, CancellationToken cancellationToken)
        {
            var outcomes = ImmutableArray.CreateBuilder<CheckOutcome>();
            if (request.SmokeCommand is { } command)
            {
                Report("original", "smoke test", null);
                var before = await engine.RunAsync(originalTag, command, request.Timeout, cancellationToken).ConfigureAwait(false);
                if (before.ExitCode != 0)
                {
                    throw new OriginalCheckFailedException("smoke test", $"exit code {before.ExitCode}: {Shorten(before.StandardError + before.StandardOutput)}");
                }

                if (rewriteTag is not null)
                {
                    Report(subject, "smoke test", null);
                    var after = await engine.RunAsync(rewriteTag, command, request.Timeout, cancellationToken).ConfigureAwait(false);
                    outcomes.Add(CompareSmoke(before, after));
                }
            }

            if (request.Http is { } probe)
            {
                var probeTimeout = request.Timeout < TimeSpan.FromMinutes(1) ? request.Timeout : TimeSpan.FromMinutes(1);
                Report("original", "HTTP probe", null);
                var before = await engine.ProbeHttpAsync(originalTag, probe, probeTimeout, cancellationToken).ConfigureAwait(false);
                if (!before.Succeeded)
                {
                    throw new OriginalCheckFailedException($"HTTP probe of {probe}", DescribeProbe(before));
                }

                if (rewriteTag is not null)
                {
                    Report(subject, "HTTP probe", null);
                    var after = await engine.ProbeHttpAsync(rewriteTag, probe, probeTimeout, cancellationToken).ConfigureAwait(false);
                    var passed = after.Succeeded && after.StatusCode == before.StatusCode;
                    outcomes.Add(new CheckOutcome(
                        "HTTP probe",
                        passed,
                        DescribeProbe(before),
                        DescribeProbe(after),
                        passed ? $"both answered GET {probe.Path} with {after.StatusCode}" : $"the rewrite {DescribeProbe(after)}; the original answered {before.StatusCode}"));
                }
            }

            return outcomes.ToImmutable();
        }

        private async Task<(string? File, string? Note, ImageMeasurement Original, ImageMeasurement Rewrite)> MeasureWarmRebuildsAsync(
            ImageMeasurement original, ImageMeasurement rewrite, string rewritePath, CancellationToken cancellationToken)
        {
            var copy = Path.Combine(_tempDirectory!, "context");
            CopyDirectory(request.ContextDirectory, copy);
            var file = request.WarmEditFile ?? WarmEditPicker.Pick(copy);
            if (file is null || !WarmEditPicker.CanEdit(file) || !File.Exists(Path.Combine(copy, file)))
            {
                return (null, "no source file to edit was found in the context (pass one to measure the warm rebuild)", original, rewrite);
            }

            var fullPath = Path.Combine(copy, file);
            var pristine = await File.ReadAllTextAsync(fullPath, cancellationToken).ConfigureAwait(false);
            var originalWarm = await WarmRebuildAsync("original", request.DockerfilePath, copy, fullPath, pristine, cancellationToken).ConfigureAwait(false);
            var rewriteWarm = await WarmRebuildAsync("rewrite", rewritePath, copy, fullPath, pristine, cancellationToken).ConfigureAwait(false);
            return (file, null, original with { WarmRebuild = originalWarm }, rewrite with { WarmRebuild = rewriteWarm });
        }

        /// <summary>
        /// Builds once in the copied context (all cached from the cold build), appends a comment to the source
        /// file and times the rebuild. Each image gets its own comment, so neither reuses the other's layers.
        /// </summary>
        private async Task<TimeSpan?> WarmRebuildAsync(string subject, string dockerfile, string context, string sourceFile, string pristine, CancellationToken cancellationToken)
        {
            await File.WriteAllTextAsync(sourceFile, pristine, cancellationToken).ConfigureAwait(false);
            var primed = await BuildAsync(subject, "priming the cache", dockerfile, context, subject + "-warm", noCache: false, cancellationToken).ConfigureAwait(false);
            if (!primed.Succeeded)
            {
                return null;
            }

            var token = string.Create(CultureInfo.InvariantCulture, $"{subject}-{_id}");
            await File.WriteAllTextAsync(sourceFile, WarmEditPicker.AppendComment(sourceFile, pristine, token), cancellationToken).ConfigureAwait(false);
            var rebuilt = await BuildAsync(subject, "warm rebuild", dockerfile, context, subject + "-warm", noCache: false, cancellationToken).ConfigureAwait(false);
            await File.WriteAllTextAsync(sourceFile, pristine, cancellationToken).ConfigureAwait(false);
            return rebuilt.Succeeded ? rebuilt.Duration : null;
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

                var checks = await RunChecksAsync(subject, _tags.First(tag => tag.EndsWith(":original", StringComparison.Ordinal)), build.Tag, cancellationToken)
                    .ConfigureAwait(false);
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

        private static string DescribeProbe(HttpProbeResult result) =>
            result.StatusCode is { } status
                ? string.Create(CultureInfo.InvariantCulture, $"answered {status}")
                : $"did not answer: {result.Failure}" + (result.ContainerLogTail.Length > 0 ? $" (container log: {Shorten(result.ContainerLogTail)})" : "");

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

        private void Report(string subject, string activity, string? step, string? image = null) =>
            progress?.Report(new VerifyProgress(subject, activity, step, _clock.Elapsed) { Image = image });
    }

    /// <summary>Forwards build steps synchronously (Progress&lt;T&gt; would post them out of order).</summary>
    private sealed class StepProgress(Action<BuildStep> report) : IProgress<BuildStep>
    {
        public void Report(BuildStep value) => report(value);
    }
}