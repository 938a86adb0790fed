using System.Collections.Immutable;

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
    /// <summary>
    /// A Docker context (<c>--docker-context NAME</c>): every docker command gets <c>--context NAME</c>. Null leaves the
    /// choice to the client as a person's shell would: <c>DOCKER_HOST</c>, <c>DOCKER_CONTEXT</c>, then the current context.
    /// </summary>
    public string? DockerContext { get; init; }

    /// <summary>
    /// Variables set for the client on top of this process's own environment (<c>DOCKER_HOST</c>, say). The CLI passes
    /// none: the client inherits the user's environment; tests use it to point one engine elsewhere.
    /// </summary>
    public ImmutableDictionary<string, string> ClientEnvironment { get; init; } = ImmutableDictionary<string, string>.Empty;

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