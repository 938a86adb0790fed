using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace DockerOpt.Cli.CommandLine;

/// <summary>
/// `--help` as System.CommandLine writes it, followed by the command's own sections (verify's exit codes and
/// probe format) and an "Examples:" section (System.CommandLine 2.0 has neither of its own).
/// </summary>
public sealed class ExamplesHelpAction : SynchronousCommandLineAction
{
    private readonly HelpAction inner;
    private readonly IReadOnlyDictionary<Command, string[]> examples;
    private readonly IReadOnlyDictionary<Command, string[]> sections;

    public ExamplesHelpAction(HelpAction inner, IReadOnlyDictionary<Command, string[]> examples, IReadOnlyDictionary<Command, string[]>? sections = null)
    {
        this.inner = inner;
        this.examples = examples;
        this.sections = sections ?? new Dictionary<Command, string[]>();
    }

    /// <summary>Like the built-in help: `parse --help` shows help even though PATH is missing.</summary>
    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var exit = inner.Invoke(parseResult);
        if (sections.TryGetValue(parseResult.CommandResult.Command, out var text) && text.Length > 0)
        {
            var output = parseResult.InvocationConfiguration.Output;
            foreach (var line in text)
            {
                output.WriteLine(line);
            }

            output.WriteLine();
        }

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