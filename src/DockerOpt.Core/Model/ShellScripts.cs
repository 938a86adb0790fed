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
        // Keyed by reference: a record's value equality would hash every word of the command.
        private Dictionary<ShellSimpleCommand, RecognizedCommand?>? recognized;

        public ShellScript Script { get; } = script;

        /// <summary>What the recognizer reads in <paramref name="command"/>; a command from another script is recognized, not remembered.</summary>
        public RecognizedCommand? Recognized(ShellSimpleCommand command)
        {
            ArgumentNullException.ThrowIfNull(command);
            if (recognized is null)
            {
                recognized = new Dictionary<ShellSimpleCommand, RecognizedCommand?>(ReferenceEqualityComparer.Instance);
                foreach (var simple in Script.SimpleCommands)
                {
                    recognized[simple] = CommandRecognizer.Recognize(simple);
                }
            }

            return recognized.TryGetValue(command, out var known) ? known : CommandRecognizer.Recognize(command);
        }
    }
}