using DockerOpt.Cli.CommandLine;

using Spectre.Console;

namespace DockerOpt.Cli.Rendering;

/// <summary>
/// Spectre.Console on top of the command's writers: colour and live progress only on a terminal, plain
/// fixed-width text otherwise (pipes, CI logs, tests), so output stays stable and readable everywhere.
/// </summary>
public static class EngineConsole
{
    public static IAnsiConsole For(TextWriter writer, bool isTerminal)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = isTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = isTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = isTerminal ? InteractionSupport.Detect : InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        if (!isTerminal)
        {
            console.Profile.Width = 120;
        }

        return console;
    }

    /// <summary>
    /// Prints an engine failure as one line and returns the exit code: 2 when the input is at fault (an image name
    /// that is not there, or an original Dockerfile that does not build or fails its own check), 3 when the engine is.
    /// </summary>
    public static int ReportEngineFailure(CliConsole console, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(exception);
        console.Error.WriteLine($"dockeropt: {exception.Message}");
        return exception is Engine.Errors.ImageNotFoundException or Engine.Errors.OriginalBuildFailedException or Engine.Errors.OriginalCheckFailedException
            ? ExitCodes.BadInput
            : ExitCodes.InternalOrEngineFailure;
    }
}