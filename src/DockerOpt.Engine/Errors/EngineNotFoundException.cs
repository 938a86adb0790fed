namespace DockerOpt.Engine.Errors;

/// <summary>The engine's command-line program (docker or podman) is not on PATH.</summary>
public sealed class EngineNotFoundException : EngineException
{
    public EngineNotFoundException(string executable, Exception? innerException = null)
        : base($"`{executable}` was not found on PATH: install Docker or Podman, or pass --engine", innerException)
    {
        Executable = executable;
    }

    public string Executable { get; }
}