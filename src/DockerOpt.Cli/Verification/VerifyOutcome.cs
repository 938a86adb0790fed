using DockerOpt.Cli.CommandLine;
using DockerOpt.Engine.Verification;

namespace DockerOpt.Cli.Verification;

/// <summary>
/// One Dockerfile's result in <c>dockeropt verify DIR...</c>: its verdict, how long it took, the full report when the
/// verification ran to its end, and in a sentence why when it did not pass.
/// </summary>
/// <param name="DisplayPath">The Dockerfile as the user named it.</param>
/// <param name="Verdict">How it ended.</param>
/// <param name="Duration">From its first build to its last clean-up; zero when it never started.</param>
public sealed record VerifyOutcome(string DisplayPath, VerifyVerdict Verdict, TimeSpan Duration)
{
    /// <summary>The report, when the verification ran to its end (passed or failed).</summary>
    public VerifyReport? Report { get; init; }

    /// <summary>Why it did not pass (or why there was nothing to do), one line; null when it passed.</summary>
    public string? Message { get; init; }

    /// <summary>The exit code a single <c>dockeropt verify</c> of this file would have had.</summary>
    public int ExitCode => Verdict switch
    {
        VerifyVerdict.Passed or VerifyVerdict.NothingToVerify => ExitCodes.Success,
        VerifyVerdict.Failed => ExitCodes.ChangesPendingOrCheckFailed,
        VerifyVerdict.BadInput => ExitCodes.BadInput,
        _ => ExitCodes.InternalOrEngineFailure,
    };

    /// <summary>
    /// The run's exit code: the worst of its files' (3 an engine failure or cancellation, 2 bad input, 1 a rewrite that
    /// fails, 0 all passed or had nothing to verify), so CI fails whenever any file does.
    /// </summary>
    public static int Summarise(IEnumerable<VerifyOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        return outcomes.Select(static outcome => outcome.ExitCode).DefaultIfEmpty(ExitCodes.Success).Max();
    }

    /// <summary>Why a finished verification failed, in one line.</summary>
    public static string DescribeFailure(VerifyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Rewrite is null)
        {
            return "the rewrite does not build: " + report.RewriteBuildLog;
        }

        var failed = report.Checks.FirstOrDefault(static check => !check.Passed);
        return failed is null ? "" : $"{failed.Name}: {failed.Reason}";
    }
}