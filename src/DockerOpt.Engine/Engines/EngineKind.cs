namespace DockerOpt.Engine.Engines;

/// <summary>The container engines dockeropt can drive through their command-line clients.</summary>
public enum EngineKind
{
    Docker,
    Podman,
}