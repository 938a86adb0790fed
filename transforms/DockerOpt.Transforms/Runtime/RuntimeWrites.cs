using DockerOpt.Core.Model.Roles;
using DockerOpt.Core.Shell;
using DockerOpt.Syntax;
using DockerOpt.Transforms.DockerIgnore;

namespace DockerOpt.Transforms.Runtime;

/// <summary>
/// The folders an image shows its application writes to at run time: a VOLUME, or a folder a RUN creates
/// (<c>mkdir</c>) under a name that says data, logs, temporary files or uploads. Application code is read, not
/// written: these folders are all a non-root user needs to own. Folders the author already hands over (a
/// <c>chown</c> in a RUN, a <c>COPY --chown</c> into them) and the world-writable <c>/tmp</c> are left out.
/// </summary>
public static class RuntimeWrites
{
    private static readonly string[] WorldWritable = ["/tmp", "/var/tmp", "/dev/shm"];

    /// <summary>The folders, each once, in the order the chain shows them.</summary>
    /// <param name="chain">The final stage's chain.</param>
    /// <param name="lineOf">The user's line of an instruction, for the reasons.</param>
    public static IReadOnlyList<RuntimeWrite> In(StageChain chain, Func<InstructionSyntax, int> lineOf)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(lineOf);
        var workdirs = StageWorkdirs.Before(chain, out _);
        var found = new List<RuntimeWrite>();
        var handedOver = new List<string>();
        foreach (var instruction in chain.AllInstructions())
        {
            var workdir = workdirs.GetValueOrDefault(instruction);
            switch (instruction.Kind)
            {
                case InstructionKind.Volume:
                    foreach (var path in VolumePaths(instruction))
                    {
                        Add(found, StageWorkdirs.Resolve(workdir, path), $"VOLUME on line {lineOf(instruction)}", instruction);
                    }

                    break;
                case InstructionKind.Run when instruction.Arguments is ShellFormArguments shell:
                    foreach (var command in ShellParser.Parse(shell.CommandText).SimpleCommands)
                    {
                        if (command.Name is not { } name)
                        {
                            continue;
                        }

                        if (name.Is("mkdir"))
                        {
                            foreach (var path in Operands(command))
                            {
                                var resolved = StageWorkdirs.Resolve(workdir, path);
                                if (resolved is not null && NamesData(resolved) is { } word)
                                {
                                    Add(found, resolved, $"created on line {lineOf(instruction)} for {word}", instruction);
                                }
                            }
                        }
                        else if (name.Is("chown"))
                        {
                            handedOver.AddRange(Operands(command).Skip(1).Select(p => StageWorkdirs.Resolve(workdir, p)).OfType<string>());
                        }
                    }

                    break;
                case InstructionKind.Copy or InstructionKind.Add when instruction.GetFlag("chown") is not null && Destination(instruction) is { } destination:
                    if (StageWorkdirs.Resolve(workdir, destination) is { } owned)
                    {
                        handedOver.Add(owned);
                    }

                    break;
                default:
                    break;
            }
        }

        return [.. found.Where(w => !handedOver.Any(h => StageWorkdirs.IsWithin(w.Path, h)))];
    }

    /// <summary>The destination of a COPY/ADD (its last path), or null.</summary>
    public static string? Destination(InstructionSyntax copy)
    {
        ArgumentNullException.ThrowIfNull(copy);
        return copy.Arguments switch
        {
            WordArguments { Words.Length: >= 2 } words => words.Words[^1].Value,
            ExecFormArguments { Elements.Length: >= 2 } exec => exec.Elements[^1].Value,
            _ => null,
        };
    }

    private static void Add(List<RuntimeWrite> found, string? path, string why, InstructionSyntax source)
    {
        if (path is null || path == "/" || WorldWritable.Contains(path, StringComparer.Ordinal) || found.Any(w => w.Path == path))
        {
            return;
        }

        found.Add(new RuntimeWrite(path, why, source));
    }

    // The word of the path that says the folder holds data written at run time (/var/log/app: "log").
    private static string? NamesData(string path) =>
        SlashPath.Clean(path).Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault(RoleKnowledge.RunTimeDataFolders.Contains);

    private static IEnumerable<string> VolumePaths(InstructionSyntax volume) => volume.Arguments switch
    {
        ExecFormArguments exec => exec.Values,
        WordArguments words => words.Words.Select(w => w.Value),
        _ => [],
    };

    // The static operands of mkdir/chown, options (and the value of mkdir's -m) left out.
    private static IEnumerable<string> Operands(ShellSimpleCommand command)
    {
        var arguments = command.Arguments;
        for (var i = 0; i < arguments.Length; i++)
        {
            var word = arguments[i];
            if (!word.IsStatic || word.HasExpansion || word.HasGlob)
            {
                continue;
            }

            if (word.Value!.StartsWith('-'))
            {
                i += word.Value is "-m" or "--mode" ? 1 : 0;
                continue;
            }

            yield return word.Value;
        }
    }
}