namespace DockerOpt.Cli.Verification;

/// <summary>How the verification of one Dockerfile ended, in a run over many.</summary>
public enum VerifyVerdict
{
    /// <summary>The rewrite builds and passes every check.</summary>
    Passed,

    /// <summary>No pass changes the Dockerfile: there is nothing to build twice.</summary>
    NothingToVerify,

    /// <summary>The rewrite does not build, or fails a check the original passes.</summary>
    Failed,

    /// <summary>The Dockerfile cannot be read, or the original does not build or fails its own check: not dockeropt's doing.</summary>
    BadInput,

    /// <summary>The engine failed (no daemon, a timeout, a command that broke).</summary>
    EngineFailure,

    /// <summary>Ctrl-C came first; what had been built was removed.</summary>
    Cancelled,
}