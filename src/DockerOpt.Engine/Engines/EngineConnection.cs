using System.Collections.Immutable;

namespace DockerOpt.Engine.Engines;

/// <summary>
/// How every command reaches the engine: the client's global arguments (<c>--context NAME</c>, or none to follow
/// <c>DOCKER_HOST</c> and the current context) and, with <c>--builder</c>, the builder as buildx describes it.
/// </summary>
/// <param name="GlobalArguments">Put before each command's own arguments.</param>
/// <param name="DockerContext">The Docker context named in them, or null.</param>
public sealed record EngineConnection(ImmutableArray<string> GlobalArguments, string? DockerContext)
{
    /// <summary>The client's own choice of engine.</summary>
    public static EngineConnection Default { get; } = new([], null);

    /// <summary>The builder that builds, when one is named.</summary>
    public BuildxBuilder? Builder { get; init; }
}