namespace DockerOpt.Cli.CommandLine;

/// <summary>
/// The exit codes every command shares, so scripts and CI can rely on them:
/// 0 nothing to do / success, 1 changes pending or a check failed, 2 bad input, 3 internal or engine failure.
/// </summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int ChangesPendingOrCheckFailed = 1;
    public const int BadInput = 2;
    public const int InternalOrEngineFailure = 3;
}