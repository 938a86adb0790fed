using DockerOpt.Core.Model;
using DockerOpt.Core.Shell;
using DockerOpt.Core.Shell.Commands;

namespace DockerOpt.Transforms.Layers;

/// <summary>
/// A package-manager call as the layer passes edit it: <c>apt-get -y install curl</c>,
/// <c>python3 -m pip install -r requirements.txt</c>, <c>./gradlew build</c>, read by <see cref="CommandRecognizer"/>.
/// <see cref="ProgramIndex"/> and <see cref="VerbIndex"/> are indexes in <see cref="ShellSimpleCommand.Words"/> of the
/// word naming the tool and of the first word of its verb (-1 when there is none, or it is not a static word), where
/// flags are inserted.
/// </summary>
internal sealed record PackageInvocation(PackageManagerInvocation Recognized, int VerbIndex, string Verb)
{
    public PackageManagerInfo Tool => Recognized.Facts;

    /// <summary>The cache the tool fills.</summary>
    public PackageCache Cache => Tool.Cache;

    public ShellSimpleCommand Command => Recognized.Command;

    public int ProgramIndex => Recognized.ExecutableIndex;

    /// <summary>The words after the verb (or after the program when there is no verb).</summary>
    public IEnumerable<ShellWord> ArgumentsAfterVerb => Command.Words.Skip((VerbIndex < 0 ? ProgramIndex : VerbIndex) + 1);

    /// <summary>The words after the program name.</summary>
    public IEnumerable<ShellWord> ArgumentsAfterProgram => Command.Words.Skip(ProgramIndex + 1);

    /// <summary>True when an option with this exact static text appears after the program.</summary>
    public bool HasOption(params string[] options) => ArgumentsAfterProgram.Any(w => w.Value is { } v && options.Contains(v, StringComparer.Ordinal));

    /// <summary>The non-option words after the verb (packages, paths).</summary>
    public IEnumerable<ShellWord> Operands => Recognized.Packages;

    /// <summary>True when the call fills the tool's cache.</summary>
    public bool FillsCache => Tool.CacheVerbs.IsEmpty || Tool.CacheVerbs.Contains(Verb);

    /// <summary>True when the call leaves cache bytes in the layer unless the RUN cleans them up.</summary>
    public bool LeavesCacheInLayer => FillsCache && (Tool.LayerLeftoverVerbs is not { } verbs || verbs.Contains(Verb));

    /// <summary>
    /// The package-manager call a simple command of a RUN makes (only one that fills <paramref name="only"/>, when
    /// given), or null, also when it runs as another user. Read from what the RUN recognized once for every pass.
    /// </summary>
    public static PackageInvocation? Read(RunCommand run, ShellSimpleCommand command, PackageCache? only = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(command);
        if (run.Recognized(command) is not PackageManagerInvocation recognized
            || recognized.RunsAsOtherUser
            || (only is not null && recognized.Facts.Cache != only))
        {
            return null;
        }

        // A verb that is not a static word (npm $CMD) is no verb the passes can act on.
        var verbWord = recognized.VerbWords.IsEmpty ? null : recognized.VerbWords[0];
        var verbIndex = verbWord?.Value is null ? -1 : command.Words.IndexOf(verbWord);
        return new PackageInvocation(recognized, verbIndex, verbIndex < 0 ? string.Empty : verbWord!.Value!);
    }
}