namespace DockerOpt.Fuzz.Properties;

/// <summary>The invariants every input is checked against; each id names a failure in reports and file names.</summary>
internal static class Property
{
    /// <summary>A file that parses prints back to its exact bytes (parse --roundtrip).</summary>
    public const string RoundTrip = "round-trip";

    /// <summary>The rewritten Dockerfile parses without errors.</summary>
    public const string RewriteParses = "rewrite-parses";

    /// <summary>Rewriting the rewrite (after --apply, .dockerignore included) changes nothing.</summary>
    public const string Idempotence = "idempotence";

    /// <summary>An unexpected exception: what the CLI reports as "internal error", exit 3.</summary>
    public const string InternalError = "internal-error";

    /// <summary>Bad input (exit 2) is reported as <c>file:line:col: ...</c>.</summary>
    public const string BadInputLocation = "bad-input-location";

    /// <summary>Diagnostics and lint findings name a line and column inside the file.</summary>
    public const string DiagnosticLocation = "diagnostic-location";

    /// <summary>The whole check of one input ends within the time limit.</summary>
    public const string Time = "time";

    /// <summary>The whole check of one input allocates no more than its allowance (relative to its size).</summary>
    public const string Memory = "memory";

    /// <summary>The worker process died (stack overflow, out of memory, abort): the CLI would have crashed.</summary>
    public const string Crash = "crash";

    /// <summary>The real dockeropt process exited 3, by a signal, or with exit 2 and no <c>file:line:col</c>.</summary>
    public const string CliExitCode = "cli-exit-code";
}