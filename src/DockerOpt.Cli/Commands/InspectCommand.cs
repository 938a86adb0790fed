using System.CommandLine;
using System.Text;
using System.Text.Json;

using DockerOpt.Cli.CommandLine;
using DockerOpt.Cli.Rendering;
using DockerOpt.Engine.Analysis;
using DockerOpt.Engine.Engines;
using DockerOpt.Engine.Errors;

namespace DockerOpt.Cli.Commands;

/// <summary>
/// <c>dockeropt inspect IMAGE</c>: reads the image from the engine as a stream (<c>docker save</c>) and reports its
/// layers, largest paths, wasted bytes, efficiency and named bloat.
/// </summary>
public sealed class InspectCommand : ICommandFactory
{
    public static readonly string[] Examples =
    [
        "dockeropt inspect myapp:latest                     # layers, largest paths, waste, bloat",
        "dockeropt inspect myapp:latest --format json | jq .wastedBytes",
    ];

    public Command Create(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var image = new Argument<string>("IMAGE") { Description = "An image in the local engine (name:tag or ID)" };
        var engine = EngineCommandOptions.Engine();
        var format = EngineCommandOptions.Format();
        var command = new Command("inspect", "Show an image's layers, largest paths, wasted bytes, efficiency and bloat") { image, engine, format };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            console,
            parseResult.GetRequiredValue(image),
            EngineCommandOptions.ParseEngine(parseResult.GetValue(engine)),
            parseResult.GetValue(format) ?? "text",
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, string image, EngineOptions engineOptions, string format, CancellationToken cancellationToken)
    {
        ImageAnalysis analysis;
        try
        {
            analysis = await AnalyzeAsync(new ContainerEngine(engineOptions), image, cancellationToken).ConfigureAwait(false);
        }
        catch (EngineException ex)
        {
            return EngineConsole.ReportEngineFailure(console, ex);
        }

        if (format == "json")
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
            {
                EngineInspectJson.Write(writer, analysis);
            }

            await console.Out.WriteLineAsync(Encoding.UTF8.GetString(stream.ToArray())).ConfigureAwait(false);
        }
        else
        {
            EngineInspectReport.Render(EngineConsole.For(console.Out, console.IsTerminal), analysis);
        }

        return ExitCodes.Success;
    }

    /// <summary>Reads and analyses an image (shared with <c>budget</c>).</summary>
    public static async Task<ImageAnalysis> AnalyzeAsync(ContainerEngine engine, string image, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var archive = await engine.ReadImageAsync(image, cancellationToken).ConfigureAwait(false);
        return ImageAnalyzer.Analyze(image, archive);
    }
}