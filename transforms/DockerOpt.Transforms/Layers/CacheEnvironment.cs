using System.Collections.Immutable;

using DockerOpt.Core.Shell.Commands;

namespace DockerOpt.Transforms.Layers;

/// <summary>The environment a RUN sees for cache purposes (what decides where a relocatable cache lives).</summary>
internal static class CacheEnvironment
{
    /// <summary>
    /// The image's known defaults (<see cref="PackageCaches.ImageEnvironment"/>), overridden by the stage's ENV/ARG.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> Of(RunEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var image = environment.BaseImage ?? string.Empty;
        var repository = image.Split('@')[0];
        var colon = repository.LastIndexOf(':');
        if (colon > repository.LastIndexOf('/'))
        {
            repository = repository[..colon];
        }

        var name = repository[(repository.LastIndexOf('/') + 1)..];
        var env = PackageCaches.ImageEnvironment.TryGetValue(name, out var defaults) ? defaults : ImmutableDictionary<string, string?>.Empty;
        foreach (var (key, value) in environment.Env)
        {
            env = env.SetItem(key, value);
        }

        return env;
    }
}