using DockerOpt.Cli.CommandLine;

namespace DockerOpt.Cli;

/// <summary>Entry point of the dockeropt command line.</summary>
public static class Program
{
    public static Task<int> Main(string[] args) => CliApplication.RunAsync(args, CliConsole.FromSystem());
}