using System.Collections.Immutable;

namespace DockerOpt.Engine.Engines;

/// <summary>
/// How the containers of a check are started: environment variables (<c>--env K=V</c>, or <c>--env K</c> to pass
/// the caller's value through) and files of them (<c>--env-file FILE</c>, read by the engine's client).
/// </summary>
public sealed record ContainerSettings
{
    public static ContainerSettings Default { get; } = new();

    /// <summary><c>NAME=value</c> or <c>NAME</c>, in the order given.</summary>
    public ImmutableArray<string> Environment { get; init; } = [];

    /// <summary>Paths of env files, in the order given.</summary>
    public ImmutableArray<string> EnvironmentFiles { get; init; } = [];
}