using DockerOpt.Cli.CommandLine;

namespace DockerOpt.Cli;

/// <summary>Entry point of the dockeropt command line.</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var console = CliConsole.FromSystem();
        using var signals = InterruptSignals.Register(console.Error);
        return await CliApplication.RunAsync(args, console, signals).ConfigureAwait(false);
    }
}