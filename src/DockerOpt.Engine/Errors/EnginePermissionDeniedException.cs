namespace DockerOpt.Engine.Errors;

/// <summary>The daemon runs but this user may not talk to its socket.</summary>
public sealed class EnginePermissionDeniedException : EngineException
{
    public EnginePermissionDeniedException(string executable, string engineMessage)
        : base($"permission denied on the {executable} socket (add your user to the docker group, or run rootless): {engineMessage}")
    {
        EngineMessage = engineMessage;
    }

    /// <summary>What the engine itself said.</summary>
    public string EngineMessage { get; }
}