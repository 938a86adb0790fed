using System.CommandLine;
using System.CommandLine.Help;

using DockerOpt.Cli.Commands;

namespace DockerOpt.Cli.CommandLine;

/// <summary>
/// The command tree. Commands are listed explicitly (no reflection), in the order `--help` shows them, each
/// with the examples its `--help` ends with.
/// </summary>
public static class RootCommandFactory
{
    private static readonly (ICommandFactory Factory, string[] Examples)[] Commands =
    [
        (new RewriteCommand(), RewriteCommand.Examples),
        (new LintCommand(), LintCommand.Examples),
        (new VerifyCommand(), VerifyCommand.Examples),
        (new InspectCommand(), InspectCommand.Examples),
        (new BudgetCommand(), BudgetCommand.Examples),
        (new CiCommand(), CiCommand.Examples),
        (new PassesCommand(), PassesCommand.Examples),
        (new ExplainCommand(), ExplainCommand.Examples),
        (new ParseCommand(), ParseCommand.Examples),
        (new CompletionCommand(), CompletionCommand.Examples),
    ];

    private static readonly string[] RootExamples =
    [
        "dockeropt rewrite                 # show what would change in ./Dockerfile, and why",
        "dockeropt rewrite --apply         # write it (and the .dockerignore)",
        "dockeropt lint --format sarif     # the same findings as diagnostics for code scanning",
        "dockeropt passes                  # what it can do; 'dockeropt explain ID' for one pass",
    ];

    public static RootCommand Create(CliConsole console)
    {
        var root = new RootCommand(
            "dockeropt rewrites Dockerfiles into smaller, faster-building, safer ones, shows a reviewable diff, "
            + "and proves the result by building before and after on a real engine.");
        root.Options.Add(GlobalOptions.Verbose);
        var examples = new Dictionary<Command, string[]> { [root] = RootExamples };
        var sections = new Dictionary<Command, string[]>();
        foreach (var (factory, commandExamples) in Commands)
        {
            var command = factory.Create(console);
            root.Subcommands.Add(command);
            examples[command] = commandExamples;
            if (factory is VerifyCommand)
            {
                sections[command] = VerifyCommand.HelpSections;
            }

            // A subcommand (ci github) is what the parent's examples show; its --help ends with them too.
            foreach (var subcommand in command.Subcommands)
            {
                examples.TryAdd(subcommand, commandExamples);
            }
        }

        var help = root.Options.OfType<HelpOption>().Single();
        if (help.Action is HelpAction defaultHelp)
        {
            help.Action = new ExamplesHelpAction(defaultHelp, examples, sections);
        }

        return root;
    }
}