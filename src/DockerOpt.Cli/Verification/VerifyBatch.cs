using System.Collections.Immutable;
using System.Diagnostics;

using DockerOpt.Engine.Errors;
using DockerOpt.Engine.Verification;

namespace DockerOpt.Cli.Verification;

/// <summary>
/// Verifies many Dockerfiles, at most <c>jobs</c> at a time, each on its own (its own tags, temp folder and clean-up),
/// so one that fails or breaks the engine's build does not stop the others. Ctrl-C cancels every running
/// verification, each removes what it built before this returns, and the ones still waiting never start.
/// </summary>
public static class VerifyBatch
{
    /// <summary>The outcome of every job, in the jobs' order.</summary>
    public static async Task<ImmutableArray<VerifyOutcome>> RunAsync(
        IReadOnlyList<VerifyJob> jobs, Verifier verifier, int parallelism, IVerifyBatchObserver observer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(verifier);
        ArgumentNullException.ThrowIfNull(observer);
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);
        using var slots = new SemaphoreSlim(parallelism, parallelism);
        var outcomes = await Task.WhenAll(jobs.Select(job => RunOneAsync(job, verifier, slots, observer, cancellationToken))).ConfigureAwait(false);
        return [.. outcomes];
    }

    private static async Task<VerifyOutcome> RunOneAsync(
        VerifyJob job, Verifier verifier, SemaphoreSlim slots, IVerifyBatchObserver observer, CancellationToken cancellationToken)
    {
        if (job.Decided is { } decided)
        {
            observer.Finished(decided);
            return decided;
        }

        try
        {
            await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            var never = new VerifyOutcome(job.DisplayPath, VerifyVerdict.Cancelled, TimeSpan.Zero) { Message = "cancelled before it started" };
            observer.Finished(never);
            return never;
        }

        var clock = Stopwatch.StartNew();
        VerifyOutcome outcome;
        try
        {
            observer.Started(job.DisplayPath);
            var progress = new ForwardingProgress(value => observer.Progressed(job.DisplayPath, value));
            var report = await verifier.VerifyAsync(job.Request!, progress, cancellationToken).ConfigureAwait(false);
            outcome = new VerifyOutcome(job.DisplayPath, report.Passed ? VerifyVerdict.Passed : VerifyVerdict.Failed, clock.Elapsed)
            {
                Report = report,
                Message = report.Passed ? null : VerifyOutcome.DescribeFailure(report),
            };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            outcome = new VerifyOutcome(job.DisplayPath, VerifyVerdict.Cancelled, clock.Elapsed) { Message = "cancelled; what it had built was removed" };
        }
        catch (Exception ex) when (ex is OriginalBuildFailedException or OriginalCheckFailedException)
        {
            outcome = new VerifyOutcome(job.DisplayPath, VerifyVerdict.BadInput, clock.Elapsed) { Message = ex.Message };
        }
        catch (EngineException ex)
        {
            outcome = new VerifyOutcome(job.DisplayPath, ex is ImageNotFoundException ? VerifyVerdict.BadInput : VerifyVerdict.EngineFailure, clock.Elapsed)
            {
                Message = ex.Message,
            };
        }
        finally
        {
            slots.Release();
        }

        observer.Finished(outcome);
        return outcome;
    }

    /// <summary>Forwards at once, on the reporting thread (Progress&lt;T&gt; would post out of order).</summary>
    private sealed class ForwardingProgress(Action<VerifyProgress> report) : IProgress<VerifyProgress>
    {
        public void Report(VerifyProgress value) => report(value);
    }
}