using System.CommandLine;

namespace DockerOpt.Cli.CommandLine;

/// <summary>
/// The command tree. Commands are listed explicitly (no reflection), in the order `--help` shows them.
/// </summary>
public static class RootCommandFactory
{
    private static readonly ICommandFactory[] Commands =
    [
        new Commands.RewriteCommand(),
        new Commands.ParseCommand(),
    ];

    public static RootCommand Create(CliConsole console)
    {
        var root = new RootCommand(
            "dockeropt rewrites Dockerfiles into smaller, faster-building, safer ones, shows a reviewable diff, "
            + "and proves the result by building before and after on a real engine.");
        root.Options.Add(GlobalOptions.Verbose);
        foreach (var factory in Commands)
        {
            root.Subcommands.Add(factory.Create(console));
        }

        return root;
    }
}