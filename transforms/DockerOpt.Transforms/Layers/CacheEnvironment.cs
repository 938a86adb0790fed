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
        if (!PackageCaches.ImageEnvironment.TryGetValue(name, out var defaults))
        {
            return environment.Env;
        }

        // The stage's ENV/ARG (which grow with the file) win; only the image's few defaults are added, so a RUN costs
        // O(defaults) here instead of a copy of every variable set so far (quadratic over a file of many ENVs).
        var env = environment.Env;
        foreach (var (key, value) in defaults)
        {
            if (!env.ContainsKey(key))
            {
                env = env.Add(key, value);
            }
        }

        return env;
    }
}