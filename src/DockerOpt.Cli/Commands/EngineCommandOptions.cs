using System.CommandLine;
using System.Globalization;

using DockerOpt.Cli.CommandLine;
using DockerOpt.Engine.Engines;

namespace DockerOpt.Cli.Commands;

/// <summary>The options the engine commands (verify, inspect, budget) share, and their parsing.</summary>
public static class EngineCommandOptions
{
    public static Option<string> Engine() => new("--engine")
    {
        Description = "The container engine: docker (default) or podman",
        DefaultValueFactory = _ => "docker",
    };

    /// <summary><c>--docker-context NAME</c>: the Docker context whose engine does the work (as <c>docker --context NAME</c>).</summary>
    public static Option<string?> DockerContext() => new("--docker-context")
    {
        Description = "Run on this Docker context's engine (default: DOCKER_HOST, then the current context)",
    };

    public static Option<string> Format()
    {
        var format = new Option<string>("--format") { Description = "text (default) or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        return format;
    }

    public static EngineOptions ParseEngine(string? engine, string? builder = null, string? dockerContext = null)
    {
        var kind = EngineOptions.ParseKind(engine ?? "docker")
            ?? throw new UserInputException($"dockeropt: unknown engine '{engine}' (use docker or podman)");
        if (builder is not null && kind != EngineKind.Docker)
        {
            throw new UserInputException("dockeropt: --builder names a docker buildx builder; podman has none");
        }

        if (dockerContext is not null && kind != EngineKind.Docker)
        {
            throw new UserInputException("dockeropt: --docker-context names a Docker context; podman has none (it uses its local store)");
        }

        if (dockerContext is { Length: 0 })
        {
            throw new UserInputException("dockeropt: --docker-context needs a context name ('docker context ls' lists them)");
        }

        return new EngineOptions(kind, builder) { DockerContext = dockerContext };
    }

    /// <summary>Parses durations like <c>90s</c>, <c>10m</c>, <c>1h</c> or plain seconds.</summary>
    public static TimeSpan ParseDuration(string text, string option)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        var (number, unit) = trimmed.Length > 0 && char.IsLetter(trimmed[^1]) ? (trimmed[..^1], char.ToUpperInvariant(trimmed[^1])) : (trimmed, 'S');
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value <= 0)
        {
            throw new UserInputException($"dockeropt: {option} {text}: expected a duration such as 90s, 10m or 1h");
        }

        return unit switch
        {
            'S' => TimeSpan.FromSeconds(value),
            'M' => TimeSpan.FromMinutes(value),
            'H' => TimeSpan.FromHours(value),
            _ => throw new UserInputException($"dockeropt: {option} {text}: expected a duration such as 90s, 10m or 1h"),
        };
    }
}