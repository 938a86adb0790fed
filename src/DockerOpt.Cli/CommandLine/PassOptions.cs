using System.CommandLine;

using DockerOpt.Cli.Input;

namespace DockerOpt.Cli.CommandLine;

/// <summary>The options that choose passes and configuration, shared by rewrite and lint (new instances per command).</summary>
public sealed class PassOptions
{
    public Option<string[]> Only { get; } = new("--only")
    {
        Description = "Run only these pass ids (comma-separated or repeated; see 'dockeropt passes')",

        // One value per --only: with several per token, `--only merge-run Dockerfile` took the path for a pass id.
        HelpName = "IDS",
    };

    public Option<string[]> Skip { get; } = new("--skip")
    {
        Description = "Never run these pass ids (comma-separated or repeated)",
        HelpName = "IDS",
    };

    public Option<string?> Level { get; } = CreateLevel();

    public Option<string?> Config { get; } = new("--config")
    {
        Description = "The configuration file (default: the nearest .dockeropt.yaml from the Dockerfile up to the repository root)",
        HelpName = "FILE",
    };

    public Option<string?> Context { get; } = new("--context")
    {
        Description = "The build context directory (default: the Dockerfile's directory)",
        HelpName = "DIR",
    };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Only);
        command.Options.Add(Skip);
        command.Options.Add(Level);
        command.Options.Add(Config);
        command.Options.Add(Context);
    }

    public PassSelection Selection(ParseResult parseResult, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        return PassSelection.FromCommandLine(console, parseResult.GetValue(Only), parseResult.GetValue(Skip), parseResult.GetValue(Level));
    }

    private static Option<string?> CreateLevel()
    {
        // No default value here: "not given" must stay distinguishable so a .dockeropt.yaml level can apply.
        var level = new Option<string?>("--level")
        {
            Description = "safe (the default) or aggressive (alpine, distroless and other bolder swaps)",
            HelpName = "safe|aggressive",
        };
        level.AcceptOnlyFromAmong("safe", "aggressive");
        return level;
    }
}