namespace DockerOpt.Engine.Errors;

/// <summary>The engine's client runs but its daemon (or Podman service) does not answer.</summary>
public sealed class EngineDaemonUnavailableException : EngineException
{
    public EngineDaemonUnavailableException(string executable, string engineMessage)
        : base($"the {executable} daemon is not running or not reachable: {engineMessage}")
    {
        EngineMessage = engineMessage;
    }

    /// <summary>What the engine itself said.</summary>
    public string EngineMessage { get; }
}