using System.Collections.Immutable;

using DockerOpt.Core.Shell;

namespace DockerOpt.Transforms.Layers;

/// <summary>
/// A simple command recognised as a package-manager call: <c>apt-get -y install curl</c>,
/// <c>python3 -m pip install -r requirements.txt</c>, <c>./gradlew build</c>. <see cref="VerbIndex"/> is the index in
/// <see cref="ShellSimpleCommand.Words"/> of the subcommand (-1 when there is none).
/// </summary>
internal sealed record PackageInvocation(PackageManager Manager, ShellSimpleCommand Command, int ProgramIndex, int VerbIndex, string Verb)
{
    // Options of apt-get that take a separate value (-o Dpkg::Options::=..., -c file, -t release).
    private static readonly ImmutableHashSet<string> ValueOptions = ["-o", "-c", "-t", "--target-release", "--option", "--config-file", "--prefix", "-C", "--cwd", "--dir", "-w", "--workspace", "--filter"];

    /// <summary>The words after the verb (or after the program when there is no verb).</summary>
    public IEnumerable<ShellWord> ArgumentsAfterVerb => Command.Words.Skip((VerbIndex < 0 ? ProgramIndex : VerbIndex) + 1);

    /// <summary>The words after the program name.</summary>
    public IEnumerable<ShellWord> ArgumentsAfterProgram => Command.Words.Skip(ProgramIndex + 1);

    /// <summary>True when an option with this exact static text appears after the program.</summary>
    public bool HasOption(params string[] options) => ArgumentsAfterProgram.Any(w => w.Value is { } v && options.Contains(v, StringComparer.Ordinal));

    /// <summary>The non-option words after the verb (packages, paths).</summary>
    public IEnumerable<ShellWord> Operands
    {
        get
        {
            var skipNext = false;
            foreach (var word in ArgumentsAfterVerb)
            {
                if (skipNext)
                {
                    skipNext = false;
                    continue;
                }

                if (word.Value is { } v && v.StartsWith('-'))
                {
                    skipNext = ValueOptions.Contains(v);
                    continue;
                }

                yield return word;
            }
        }
    }

    /// <summary>True when the call fills the manager's cache.</summary>
    public bool FillsCache => Manager.CacheVerbs.IsEmpty || Manager.CacheVerbs.Contains(Verb);

    public static PackageInvocation? Read(ShellSimpleCommand command, PackageManager? only = null)
    {
        ArgumentNullException.ThrowIfNull(command);
        var words = command.Words;
        if (words.IsDefaultOrEmpty)
        {
            return null;
        }

        var index = 0;
        while (index < words.Length && words[index].Value is "sudo" or "env" or "command" or "time" or "nice")
        {
            index++;
            while (index < words.Length && (words[index].Value?.StartsWith('-') == true || words[index].Value?.Contains('=', StringComparison.Ordinal) == true))
            {
                index++;
            }
        }

        if (index >= words.Length || words[index].Value is not { } program)
        {
            return null;
        }

        var name = program[(program.LastIndexOf('/') + 1)..];
        if (IsPython(name) && index + 2 < words.Length && words[index + 1].Is("-m") && words[index + 2].Value is "pip" or "pip3")
        {
            index += 2;
            name = "pip";
        }

        name = Normalise(name);
        foreach (var manager in only is null ? PackageManagers.All : [only])
        {
            if (!manager.Programs.Contains(name))
            {
                continue;
            }

            var verbIndex = FindVerb(words, index);
            var verb = verbIndex < 0 ? string.Empty : words[verbIndex].Value ?? "?";
            if (manager == PackageManagers.Gem && name is "bundle" or "bundler" && verbIndex < 0)
            {
                verb = "install";
            }

            return new PackageInvocation(manager, command, index, verbIndex, verb);
        }

        return null;
    }

    private static int FindVerb(ImmutableArray<ShellWord> words, int programIndex)
    {
        for (var i = programIndex + 1; i < words.Length; i++)
        {
            var value = words[i].Value;
            if (value is null)
            {
                return -1;
            }

            if (value.StartsWith('-'))
            {
                if (ValueOptions.Contains(value))
                {
                    i++;
                }

                continue;
            }

            return i;
        }

        return -1;
    }

    private static bool IsPython(string name) =>
        name.StartsWith("python", StringComparison.Ordinal) && name[6..].All(c => char.IsAsciiDigit(c) || c == '.');

    // pip3.12 → pip3, gradlew → gradlew, composer.phar stays.
    private static string Normalise(string name)
    {
        if (name.StartsWith("pip", StringComparison.Ordinal) && name.Length > 3 && name[3..].All(c => char.IsAsciiDigit(c) || c == '.'))
        {
            return "pip3";
        }

        return name;
    }
}