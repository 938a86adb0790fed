using System.Collections.Immutable;
using System.Runtime.CompilerServices;

using DockerOpt.Core.Model;
using DockerOpt.Core.Shell.Commands;
using DockerOpt.Syntax;
using DockerOpt.Transforms.Ecosystems;

namespace DockerOpt.Transforms.Stages;

/// <summary>
/// What a stage runs, read once for the passes that decide about its image: every tool call of its RUN, CMD,
/// ENTRYPOINT and HEALTHCHECK instructions, the Debian/Alpine packages it installs, and the instructions whose
/// commands cannot be read (heredocs, shell constructs the parser keeps opaque), about which nothing can be assumed.
/// </summary>
public sealed class StageFacts
{
    private StageFacts(StageModel stage, ImmutableArray<StageCommand> commands, ImmutableArray<InstructionSyntax> unreadable)
    {
        Stage = stage;
        Commands = commands;
        Unreadable = unreadable;
        InstalledPackages = [.. commands.SelectMany(c => PackagesInstalledBy(c.Tool))];
    }

    public StageModel Stage { get; }

    public ImmutableArray<StageCommand> Commands { get; }

    /// <summary>Instructions whose commands are not fully understood.</summary>
    public ImmutableArray<InstructionSyntax> Unreadable { get; }

    /// <summary>Packages installed with apt-get/apt/apk, in order.</summary>
    public ImmutableArray<string> InstalledPackages { get; }

    /// <summary>The stage installs Debian packages (which an alpine image cannot).</summary>
    public bool UsesApt => Commands.Any(c => PackageManagerFacts.Apt.Executables.Contains(c.Tool.Program) || c.Tool.Program == "dpkg");

    /// <remarks>Commands are parsed through the model's shared parses: several passes ask this of a stage, on every text.</remarks>
    public static StageFacts Of(DockerfileModel model, StageModel stage)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stage);
        return PerStage.GetValue(stage, s => Read(model, s));
    }

    // A stage belongs to one text, and multi-stage asks twice, base-image once more: read once per stage (issue 14: a
    // stage of 100,000 instructions cost 0.1-0.2 s a reading). The model only lends its shared parses, which give the
    // same script for the same text whichever model asks.
    private static readonly ConditionalWeakTable<StageModel, StageFacts> PerStage = [];

    private static StageFacts Read(DockerfileModel model, StageModel stage)
    {
        var commands = ImmutableArray.CreateBuilder<StageCommand>();
        var unreadable = ImmutableArray.CreateBuilder<InstructionSyntax>();
        foreach (var instruction in stage.Instructions)
        {
            var arguments = instruction.Kind switch
            {
                InstructionKind.Run or InstructionKind.Cmd or InstructionKind.Entrypoint => instruction.Arguments,
                InstructionKind.Healthcheck when instruction.Arguments is HealthcheckArguments { IsNone: false } health => health.Command,
                _ => null,
            };

            if (arguments is null)
            {
                continue;
            }

            if (!instruction.Heredocs.IsEmpty)
            {
                unreadable.Add(instruction);
                continue;
            }

            switch (arguments)
            {
                case ShellFormArguments shell:
                    var script = model.ParseShell(shell.CommandText);
                    if (!script.IsFullyUnderstood)
                    {
                        unreadable.Add(instruction);
                    }

                    foreach (var simple in script.SimpleCommands)
                    {
                        if (ToolInvocation.From(simple) is { } tool)
                        {
                            commands.Add(new StageCommand(instruction, tool));
                        }
                    }

                    break;
                case ExecFormArguments:
                    foreach (var tool in ExecTools(model, instruction))
                    {
                        commands.Add(new StageCommand(instruction, tool));
                    }

                    break;
                default:
                    break;
            }
        }

        return new StageFacts(stage, commands.ToImmutable(), unreadable.ToImmutable());
    }

    /// <summary>True when the stage installs the program itself (with apt/apk) before it first uses it.</summary>
    public bool InstallsBeforeUse(string program)
    {
        ArgumentNullException.ThrowIfNull(program);
        var installed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var command in Commands)
        {
            if (command.Tool.Program == program && !ProvidedBy(program, installed))
            {
                return false;
            }

            installed.UnionWith(PackagesInstalledBy(command.Tool));
        }

        return true;
    }

    /// <summary>The recognised dependency installs and builds, in order.</summary>
    public IEnumerable<(StageCommand Command, EcosystemCommand Recognised)> EcosystemCommands() =>
        Commands.Select(c => (c, EcosystemCommand.Recognise(c.Tool))).Where(p => p.Item2 is not null).Select(p => (p.c, p.Item2!));

    private static bool ProvidedBy(string program, HashSet<string> packages) =>
        packages.Contains(program)
        || (program is "gcc" or "g++" or "cc" or "c++" or "make" && packages.Contains("build-essential"))
        || (program is "cc" && packages.Contains("gcc"))
        || (program is "python" or "python3" && packages.Overlaps(["python3", "python3-minimal", "python-is-python3"]));

    private static IEnumerable<string> PackagesInstalledBy(ToolInvocation tool)
    {
        var isInstall = (PackageManagerFacts.Apt.Executables.Contains(tool.Program) && tool.Positionals.FirstOrDefault()?.Value == "install")
            || (tool.Program == "apk" && tool.Positionals.FirstOrDefault()?.Value == "add");
        return isInstall
            ? tool.Positionals.Skip(1).Select(w => w.Value).OfType<string>().Select(p => p.Split('=')[0])
            : [];
    }

    private static IEnumerable<ToolInvocation> ExecTools(DockerfileModel model, InstructionSyntax instruction)
    {
        var values = instruction.Arguments is ExecFormArguments exec ? exec.Values : [];
        if (values.IsEmpty)
        {
            return [];
        }

        // ["sh", "-c", "curl -f http://localhost/ || exit 1"]: the tools are in the script.
        if (values.Length >= 3 && ToolInvocation.Normalise(values[0]) is "sh" or "bash" or "ash" or "dash" && values[1] == "-c")
        {
            return model.ParseShell(values[2]).SimpleCommands.Select(ToolInvocation.From).OfType<ToolInvocation>();
        }

        var joined = string.Join(' ', values.Select(v => "'" + v.Replace("'", "'\\''", StringComparison.Ordinal) + "'"));
        return model.ParseShell(joined).SimpleCommands.Take(1).Select(ToolInvocation.From).OfType<ToolInvocation>();
    }
}