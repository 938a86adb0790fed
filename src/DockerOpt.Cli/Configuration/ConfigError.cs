using DockerOpt.Cli.CommandLine;

namespace DockerOpt.Cli.Configuration;

/// <summary>A configuration file a person must fix, located at <c>file:line:col</c>.</summary>
public static class ConfigError
{
    public static UserInputException At(string path, int line, int column, string message) =>
        new($"{path}:{line}:{column}: error: {message}");
}