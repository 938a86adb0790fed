using System.Collections.Immutable;

using DockerOpt.Core.Shell;
using DockerOpt.Core.Shell.Commands;

namespace DockerOpt.Core.Model;

/// <summary>
/// The RUN scripts of one rewrite, parsed and recognized once per distinct command text across every text the passes
/// produce. A parsed script's offsets are offsets into the logical command, not into the file, so a RUN whose command
/// a pass did not touch (a cache mount adds a flag; a USER added elsewhere moves it down) reuses the script and the
/// recognition read from the previous text instead of parsing again: each pass that changes the text used to cost a
/// parse of every RUN (issue 14: an input of 9,119 apt RUNs parsed five times per rewrite).
/// One instance serves one rewrite: not thread-safe, and it lives as long as that rewrite's texts.
/// </summary>
public sealed class ShellScripts
{
    private readonly Dictionary<string, ParsedScript> parsed = new(StringComparer.Ordinal);

    /// <summary>The parse of <paramref name="commandText"/>, shared by every RUN with that exact logical command.</summary>
    public ParsedScript Of(string commandText)
    {
        ArgumentNullException.ThrowIfNull(commandText);
        if (!parsed.TryGetValue(commandText, out var script))
        {
            script = new ParsedScript(ShellParser.Parse(commandText));
            parsed[commandText] = script;
        }

        return script;
    }

    /// <summary>A parsed script and what <see cref="CommandRecognizer"/> reads in its simple commands, read at the first question.</summary>
    public sealed class ParsedScript(ShellScript script)
    {
        // By position, found by reference: a record's value equality would hash every word of the command, and an
        // identity hash costs a header write on every command object (issue 14); a script has a handful of commands.
        // A long chain (one RUN of thousands of commands) is indexed instead: a scan per question would be quadratic.
        private const int LongestScanned = 16;
        private RecognizedCommand?[]? recognized;
        private Dictionary<ShellSimpleCommand, int>? positions;

        public ShellScript Script { get; } = script;

        /// <summary>What the recognizer reads in <paramref name="command"/>; a command from another script is recognized, not remembered.</summary>
        public RecognizedCommand? Recognized(ShellSimpleCommand command)
        {
            ArgumentNullException.ThrowIfNull(command);
            var commands = Script.SimpleCommands;
            var at = -1;
            if (commands.Length > LongestScanned)
            {
                positions ??= Index(commands);
                at = positions.GetValueOrDefault(command, -1);
            }
            else
            {
                for (var i = 0; i < commands.Length; i++)
                {
                    if (ReferenceEquals(commands[i], command))
                    {
                        at = i;
                        break;
                    }
                }
            }

            if (at < 0)
            {
                return CommandRecognizer.Recognize(command);
            }

            recognized ??= [.. commands.Select(CommandRecognizer.Recognize)];
            return recognized[at];
        }

        private static Dictionary<ShellSimpleCommand, int> Index(ImmutableArray<ShellSimpleCommand> commands)
        {
            var index = new Dictionary<ShellSimpleCommand, int>(commands.Length, ReferenceEqualityComparer.Instance);
            for (var i = 0; i < commands.Length; i++)
            {
                index[commands[i]] = i;
            }

            return index;
        }
    }
}