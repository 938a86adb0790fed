using DockerOpt.Engine.Verification;

namespace DockerOpt.Cli.Verification;

/// <summary>
/// One Dockerfile of a run over many: what to verify, or the outcome already decided before any build (nothing to
/// verify, a file that cannot be read).
/// </summary>
public sealed record VerifyJob(string DisplayPath, VerifyRequest? Request, VerifyOutcome? Decided)
{
    public static VerifyJob ToVerify(string displayPath, VerifyRequest request) => new(displayPath, request, null);

    public static VerifyJob AlreadyDecided(VerifyOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return new VerifyJob(outcome.DisplayPath, null, outcome);
    }
}