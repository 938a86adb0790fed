using System.CommandLine;

namespace DockerOpt.Cli.CommandLine;

/// <summary>Options every command accepts.</summary>
public static class GlobalOptions
{
    /// <summary>Shows stack traces of internal errors instead of the one-line summary.</summary>
    public static Option<bool> Verbose { get; } = new("--verbose")
    {
        Description = "Show details and stack traces of internal errors",
        Recursive = true,
    };
}