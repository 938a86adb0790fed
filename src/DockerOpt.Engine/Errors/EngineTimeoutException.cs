namespace DockerOpt.Engine.Errors;

/// <summary>An engine command ran longer than the allowed time and was stopped.</summary>
public sealed class EngineTimeoutException : EngineException
{
    public EngineTimeoutException(string operation, TimeSpan timeout)
        : base($"{operation} did not finish within {FormatTimeout(timeout)} (raise it with --timeout)")
    {
        Operation = operation;
        Timeout = timeout;
    }

    public string Operation { get; }

    public TimeSpan Timeout { get; }

    private static string FormatTimeout(TimeSpan timeout) =>
        timeout.TotalMinutes >= 1 && timeout.Seconds == 0
            ? $"{(int)timeout.TotalMinutes}m"
            : $"{timeout.TotalSeconds:0.#}s";
}