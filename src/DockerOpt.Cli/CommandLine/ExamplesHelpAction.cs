using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace DockerOpt.Cli.CommandLine;

/// <summary>
/// `--help` as System.CommandLine writes it, followed by an "Examples:" section for the command asked about
/// (System.CommandLine 2.0 has no examples section of its own).
/// </summary>
public sealed class ExamplesHelpAction : SynchronousCommandLineAction
{
    private readonly HelpAction inner;
    private readonly IReadOnlyDictionary<Command, string[]> examples;

    public ExamplesHelpAction(HelpAction inner, IReadOnlyDictionary<Command, string[]> examples)
    {
        this.inner = inner;
        this.examples = examples;
    }

    /// <summary>Like the built-in help: `parse --help` shows help even though PATH is missing.</summary>
    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var exit = inner.Invoke(parseResult);
        if (examples.TryGetValue(parseResult.CommandResult.Command, out var lines) && lines.Length > 0)
        {
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine("Examples:");
            foreach (var line in lines)
            {
                output.WriteLine($"  {line}");
            }

            output.WriteLine();
        }

        return exit;
    }
}