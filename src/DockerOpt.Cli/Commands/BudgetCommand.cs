using System.CommandLine;
using System.Globalization;

using DockerOpt.Cli.CommandLine;
using DockerOpt.Cli.Configuration;
using DockerOpt.Cli.Rendering;
using DockerOpt.Engine.Budget;
using DockerOpt.Engine.Engines;
using DockerOpt.Engine.Errors;

namespace DockerOpt.Cli.Commands;

/// <summary>
/// <c>dockeropt budget IMAGE --max-size 300MB [--max-wasted 20MB] [--min-efficiency 0.9]</c>: exits 1 with a one-line
/// reason when the image is over budget, 0 when it is within it.
/// </summary>
public sealed class BudgetCommand : ICommandFactory
{
    public static readonly string[] Examples =
    [
        "dockeropt budget myapp:latest --max-size 300MB     # exit 1 when bigger",
        "dockeropt budget myapp:latest --max-size 1GB --max-wasted 20MB --min-efficiency 0.9",
        "dockeropt budget myapp:latest                     # the limits of 'budget:' in .dockeropt.yaml",
    ];

    public Command Create(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var image = new Argument<string>("IMAGE") { Description = "An image in the local engine (name:tag or ID)" };
        var maxSize = new Option<string?>("--max-size") { Description = "Largest allowed uncompressed size, e.g. 300MB, 1.2GB, 512MiB" };
        var maxWasted = new Option<string?>("--max-wasted") { Description = "Largest allowed wasted bytes (files overwritten or deleted by later layers)" };
        var minEfficiency = new Option<string?>("--min-efficiency") { Description = "Lowest allowed efficiency score, 0 to 1 (as dive computes it)" };
        var engine = EngineCommandOptions.Engine();
        var config = new Option<string?>("--config")
        {
            Description = "The configuration file whose 'budget:' gives the limits not set here (default: the nearest .dockeropt.yaml from here up to the repository root)",
            HelpName = "FILE",
        };
        var command = new Command("budget", "Fail (exit 1) when an image is over its size, waste or efficiency budget")
        {
            image, maxSize, maxWasted, minEfficiency, engine, config,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var given = new SizeBudget(
                ParseSize(parseResult.GetValue(maxSize), "--max-size"),
                ParseSize(parseResult.GetValue(maxWasted), "--max-wasted"),
                ParseEfficiency(parseResult.GetValue(minEfficiency)));

            // The image has no Dockerfile to start the search from: the configuration is looked for from where dockeropt runs.
            var defaults = new ConfigDiscovery(console, parseResult.GetValue(config)).For(Path.Combine(console.WorkingDirectory, DockeroptConfig.FileName)).Budget;
            var budget = new SizeBudget(
                given.MaxSize ?? defaults.MaxSize,
                given.MaxWasted ?? defaults.MaxWasted,
                given.MinEfficiency ?? defaults.MinEfficiency);
            if (budget is { MaxSize: null, MaxWasted: null, MinEfficiency: null })
            {
                throw new UserInputException("dockeropt: budget needs at least one of --max-size, --max-wasted, --min-efficiency (or a 'budget:' in .dockeropt.yaml)");
            }

            return RunAsync(console, parseResult.GetRequiredValue(image), budget, EngineCommandOptions.ParseEngine(parseResult.GetValue(engine)), cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, string image, SizeBudget budget, EngineOptions engineOptions, CancellationToken cancellationToken)
    {
        BudgetResult result;
        try
        {
            var analysis = await InspectCommand.AnalyzeAsync(new ContainerEngine(engineOptions), image, cancellationToken).ConfigureAwait(false);
            result = budget.Check(analysis);
        }
        catch (EngineException ex)
        {
            return EngineConsole.ReportEngineFailure(console, ex);
        }

        if (result.WithinBudget)
        {
            await console.Out.WriteLineAsync($"budget: ok: {result.Reason}").ConfigureAwait(false);
            return ExitCodes.Success;
        }

        await console.Out.WriteLineAsync($"budget: over: {result.Reason}").ConfigureAwait(false);
        return ExitCodes.ChangesPendingOrCheckFailed;
    }

    private static long? ParseSize(string? text, string option) =>
        text is null
            ? null
            : ByteSize.Parse(text) ?? throw new UserInputException($"dockeropt: {option} {text}: expected a size such as 300MB, 1.5GB or 512MiB");

    private static double? ParseEfficiency(string? text) =>
        text is null
            ? null
            : double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value <= 1
                ? value
                : throw new UserInputException($"dockeropt: --min-efficiency {text}: expected a number from 0 to 1, e.g. 0.9");
}