namespace DockerOpt.Engine.Errors;

/// <summary>An engine command failed for a reason that has no more specific type (its stderr tells why).</summary>
public sealed class EngineCommandFailedException : EngineException
{
    public EngineCommandFailedException(string operation, int exitCode, string engineMessage)
        : base($"{operation} failed (exit code {exitCode}): {engineMessage}")
    {
        Operation = operation;
        ExitCode = exitCode;
        EngineMessage = engineMessage;
    }

    public string Operation { get; }

    public int ExitCode { get; }

    public string EngineMessage { get; }
}