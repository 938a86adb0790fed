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

    public static Option<string> Format()
    {
        var format = new Option<string>("--format") { Description = "text (default) or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        return format;
    }

    public static EngineOptions ParseEngine(string? engine, string? builder = null)
    {
        var kind = EngineOptions.ParseKind(engine ?? "docker")
            ?? throw new UserInputException($"dockeropt: unknown engine '{engine}' (use docker or podman)");
        if (builder is not null && kind != EngineKind.Docker)
        {
            throw new UserInputException("dockeropt: --builder names a docker buildx builder; podman has none");
        }

        return new EngineOptions(kind, builder);
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