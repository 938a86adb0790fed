namespace DockerOpt.Engine.Engines;

/// <summary>
/// Which engine to drive and how.
/// </summary>
/// <param name="Kind">docker or podman.</param>
/// <param name="Builder">A named buildx builder (docker only): builds run as <c>docker buildx build --builder NAME --load</c>,
/// so a remote or Kubernetes BuildKit can do the work.</param>
/// <param name="Executable">The client program; by default <c>docker</c> or <c>podman</c> looked up on PATH.</param>
public sealed record EngineOptions(EngineKind Kind = EngineKind.Docker, string? Builder = null, string? Executable = null)
{
    /// <summary>The program that is started: <see cref="Executable"/> or the engine's own name.</summary>
    public string ExecutableOrDefault => Executable ?? (Kind == EngineKind.Podman ? "podman" : "docker");

    /// <summary>Parses the <c>--engine</c> value; null when it names no known engine.</summary>
    public static EngineKind? ParseKind(string value) => value.Trim().ToUpperInvariant() switch
    {
        "DOCKER" => EngineKind.Docker,
        "PODMAN" => EngineKind.Podman,
        _ => null,
    };
}