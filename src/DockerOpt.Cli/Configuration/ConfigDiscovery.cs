using DockerOpt.Cli.CommandLine;
using DockerOpt.Cli.Input;

namespace DockerOpt.Cli.Configuration;

/// <summary>
/// Finds the configuration for a Dockerfile: the <c>--config</c> file when given, otherwise the nearest
/// <c>.dockeropt.yaml</c> in the Dockerfile's directory or a parent, stopping at the repository root (a directory
/// holding <c>.git</c>) so a stray file above the checkout never changes a project's behaviour.
/// </summary>
public sealed class ConfigDiscovery
{
    private readonly CliConsole console;
    private readonly string? explicitPath;
    private readonly IReadOnlySet<string> knownPassIds;
    private readonly Dictionary<string, DockeroptConfig> cache = new(StringComparer.Ordinal);

    public ConfigDiscovery(CliConsole console, string? explicitPath)
    {
        ArgumentNullException.ThrowIfNull(console);
        this.console = console;
        this.explicitPath = explicitPath;
        knownPassIds = console.Passes.Select(p => p.Info.Id).ToHashSet(StringComparer.Ordinal);
        if (explicitPath is not null && !File.Exists(console.Resolve(explicitPath)))
        {
            throw new UserInputException($"{explicitPath}: no such configuration file");
        }
    }

    /// <summary>The configuration that applies to the Dockerfile at <paramref name="dockerfilePath"/>.</summary>
    public DockeroptConfig For(string dockerfilePath)
    {
        ArgumentNullException.ThrowIfNull(dockerfilePath);
        var file = explicitPath is not null ? console.Resolve(explicitPath) : FindUpward(Path.GetDirectoryName(dockerfilePath)!);
        if (file is null)
        {
            return DockeroptConfig.None;
        }

        if (!cache.TryGetValue(file, out var config))
        {
            config = ConfigReader.Read(file, DisplayPath.For(file, console.WorkingDirectory), knownPassIds);
            cache[file] = config;
        }

        return config;
    }

    private static string? FindUpward(string directory)
    {
        for (var current = new DirectoryInfo(directory); current is not null; current = current.Parent)
        {
            var candidate = Path.Combine(current.FullName, DockeroptConfig.FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }

            if (Directory.Exists(Path.Combine(current.FullName, ".git")) || File.Exists(Path.Combine(current.FullName, ".git")))
            {
                return null;
            }
        }

        return null;
    }
}