using System.CommandLine;

namespace DockerOpt.Cli.CommandLine;

/// <summary>
/// One CLI command: a factory that builds its System.CommandLine <see cref="Command"/> bound to a console.
/// Each command lives in its own file under Commands/ and is listed once in <see cref="RootCommandFactory"/>.
/// </summary>
public interface ICommandFactory
{
    Command Create(CliConsole console);
}