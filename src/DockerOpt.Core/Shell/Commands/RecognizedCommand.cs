using System.Collections.Immutable;

namespace DockerOpt.Core.Shell.Commands;

/// <summary>A simple command dockeropt understands as data. See <see cref="CommandRecognizer"/>.</summary>
public abstract record RecognizedCommand(ShellSimpleCommand Command);

/// <summary>
/// A package-manager or build-tool invocation: <c>apt-get install -y --no-install-recommends curl</c>,
/// <c>pip install --no-cache-dir -r requirements.txt</c>, <c>npm ci --omit=dev</c>, <c>go mod download</c>.
/// </summary>
/// <param name="Tool">The tool.</param>
/// <param name="Verb">The verb as written (<c>i</c>, <c>install</c>, <c>mod download</c>; empty when there is none).</param>
/// <param name="Action">What the verb does.</param>
/// <param name="Options">Options anywhere on the line, with their values.</param>
/// <param name="Packages">The operands after the verb: package names, files, <c>.</c>, or the script / goal names.</param>
/// <param name="VerbWords">The words of the verb, to edit it in place (<c>npm install</c> → <c>npm ci</c>).</param>
/// <param name="Command">The simple command.</param>
public sealed record PackageManagerInvocation(
    PackageManager Tool,
    string Verb,
    PackageAction Action,
    ImmutableArray<CommandOption> Options,
    ImmutableArray<ShellWord> Packages,
    ImmutableArray<ShellWord> VerbWords,
    ShellSimpleCommand Command) : RecognizedCommand(Command)
{
    public PackageManagerInfo Facts => PackageManagerFacts.For(Tool);

    /// <summary>
    /// True when any of <paramref name="names"/> is given. A single-letter name such as <c>-y</c> also matches inside
    /// a cluster (<c>-yq</c>) for tools that allow it; <c>--name</c> matches <c>--name=value</c>.
    /// </summary>
    public bool HasOption(params ReadOnlySpan<string> names)
    {
        foreach (string name in names)
        {
            if (FindOption(name) is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first option named <paramref name="name"/>, or null.</summary>
    public CommandOption? FindOption(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        bool isShortLetter = name.Length == 2 && name[0] == '-' && name[1] != '-';
        foreach (CommandOption option in Options)
        {
            if (option.Name == name)
            {
                return option;
            }

            if (isShortLetter && Facts.ShortOptionsCluster && option.Name.Length > 2 && option.Name[0] == '-' && option.Name[1] != '-'
                && option.Value is null && option.Name.AsSpan(1).Contains(name[1]))
            {
                return option;
            }
        }

        return null;
    }

    /// <summary>Every value given to option <paramref name="name"/> (e.g. each <c>-r</c> file of pip).</summary>
    public IEnumerable<string?> OptionValues(string name) =>
        Options.Where(o => o.Name == name).Select(static o => o.Value);

    /// <summary>Answers yes to prompts (<c>-y</c>), or the tool does not prompt.</summary>
    public bool AssumesYes => Facts.AssumeYesOptions.IsEmpty || Facts.AssumeYesOptions.Any(o => HasOption(o));

    /// <summary>The value of a leading assignment on this command (<c>CGO_ENABLED=0 go build</c>).</summary>
    public string? Assignment(string name) => Command.AssignmentValue(name);

    /// <summary>Where to insert a new option so it reads naturally: right after the verb (or the command name).</summary>
    public int OptionInsertionPoint => VerbWords.IsEmpty ? Command.Words[ExecutableIndex].Span.End : VerbWords[^1].Span.End;

    /// <summary>The package.json script a <see cref="PackageAction.RunScript"/> runs (<c>build</c> in <c>npm run build</c> and <c>yarn build</c>).</summary>
    public string? ScriptName => Action != PackageAction.RunScript
        ? null
        : Verb is "run" or "run-script" or "rum" or "urn" ? Packages.FirstOrDefault()?.Value : Verb;

    /// <summary>Index in <see cref="ShellSimpleCommand.Words"/> of the word naming the tool (after <c>sudo</c>, <c>python -m</c>...).</summary>
    public int ExecutableIndex { get; init; }

    /// <summary>The tool runs as another user or group (<c>sudo -u node npm install</c>): root's caches and paths do not apply.</summary>
    public bool RunsAsOtherUser { get; init; }
}

/// <summary><c>rm [-rf] PATH...</c>, the way layers are (not) cleaned.</summary>
public sealed record RemoveFilesCommand(bool Recursive, bool Force, ImmutableArray<ShellWord> Paths, ShellSimpleCommand Command) : RecognizedCommand(Command);

/// <summary><c>cd DIR</c>: the next commands run in DIR (WORKDIR is the Dockerfile way).</summary>
public sealed record ChangeDirectoryCommand(ShellWord? Directory, ShellSimpleCommand Command) : RecognizedCommand(Command);