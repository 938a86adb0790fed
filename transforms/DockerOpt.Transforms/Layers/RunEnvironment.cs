using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;

using DockerOpt.Core.Model;
using DockerOpt.Core.Shell.Commands;
using DockerOpt.Syntax;

namespace DockerOpt.Transforms.Layers;

/// <summary>
/// What a RUN executes under at its point in a stage: the user (null when it is root or unknown-but-default), the
/// shell (POSIX or not, and whether it aborts on errors by itself), the ENV and ARG values of <see cref="TrackedNames"/> set so far, and whether the stage
/// is a Windows one (cmd/PowerShell, where none of the shell reasoning applies).
/// </summary>
internal sealed record RunEnvironment(
    string? User,
    bool PosixShell,
    bool ShellErrexit,
    ImmutableDictionary<string, string?> Env,
    bool Windows,
    string? BaseImage)
{
    /// <summary>
    /// The variables <see cref="Env"/> keeps: those that move a package cache (<see cref="CacheMountFact.RelocatedBy"/>) or
    /// switch it off (<see cref="PackageCache.DisablingEnv"/>), GEM_HOME (whether gem installs into the image's bundle)
    /// and NODE_ENV (whether npm skips dev dependencies): the only ones the passes ask about. Keeping every ENV and ARG
    /// cost a file of many of them a persistent map per model that no pass read (issue 14).
    /// </summary>
    public static FrozenSet<string> TrackedNames { get; } = PackageCaches.All
        .SelectMany(c => c.Mounts.Select(m => m.RelocatedBy).OfType<string>().Concat(c.DisablingEnv))
        .Append("GEM_HOME")
        .Append("NODE_ENV")
        .ToFrozenSet(StringComparer.Ordinal);

    private static readonly RunEnvironment Initial = new(null, true, false, ImmutableDictionary<string, string?>.Empty.WithComparers(StringComparer.Ordinal), false, null);

    /// <summary>True when commands run as root (no USER, or USER root / 0).</summary>
    public bool IsRoot => User is null || User is "root" or "0" || User.StartsWith("root:", StringComparison.Ordinal) || User.StartsWith("0:", StringComparison.Ordinal);

    /// <summary>Why shell reasoning does not apply here, or null.</summary>
    public string? WhyNotPosix => Windows
        ? "the stage is a Windows image"
        : PosixShell ? null : "SHELL is not a POSIX shell";

    // One text's model is shared by every pass until one of them changes the text, and four passes ask for this: it is
    // worked out once per model (issue 14: on a file of 100,000 instructions each asking cost 0.1-0.2 s).
    private static readonly ConditionalWeakTable<DockerfileModel, IReadOnlyDictionary<int, RunEnvironment>> PerModel = [];

    /// <summary>The environment before every instruction of every stage (keyed by the instruction's start offset).</summary>
    public static IReadOnlyDictionary<int, RunEnvironment> ForAll(DockerfileModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return PerModel.GetValue(model, Build);
    }

    private static IReadOnlyDictionary<int, RunEnvironment> Build(DockerfileModel model)
    {
        // A plain dictionary, read-only to the passes: an immutable one of 100,000 entries cost a tree node per entry.
        var result = new Dictionary<int, RunEnvironment>(model.Syntax.Instructions.Length);
        var stageEnds = new Dictionary<int, RunEnvironment>();
        var windowsFile = model.Syntax.EscapeChar == '`';
        foreach (var stage in model.Stages)
        {
            var image = stage.ResolvedBaseText ?? stage.BaseText;
            var state = stage.BaseKind == StageBaseKind.PreviousStage && stage.BaseStageIndex is { } parent && stageEnds.TryGetValue(parent, out var inherited)
                ? inherited
                : Initial with { BaseImage = image, Windows = windowsFile || IsWindowsImage(image) };
            foreach (var instruction in stage.Instructions)
            {
                result[instruction.Span.Start] = state;
                state = Next(state, instruction);
            }

            stageEnds[stage.Index] = state;
        }

        return result;
    }

    private static RunEnvironment Next(RunEnvironment state, InstructionSyntax instruction)
    {
        switch (instruction.Kind)
        {
            case InstructionKind.User:
                var user = instruction.Arguments is WordArguments words && !words.Words.IsEmpty ? words.Words[0].Value : null;
                return state with { User = user };
            case InstructionKind.Shell:
                var shell = instruction.Arguments is ExecFormArguments exec ? exec.Values : [];
                var program = shell.IsEmpty ? string.Empty : shell[0].Replace('\\', '/');
                var name = program[(program.LastIndexOf('/') + 1)..];
                var posix = name is "sh" or "bash" or "ash" or "dash" or "zsh" or "ksh" or "busybox";
                var errexit = shell.Skip(1).Any(a => a.StartsWith('-') && !a.StartsWith("--", StringComparison.Ordinal) && a.Contains('e', StringComparison.Ordinal))
                    || shell.Skip(1).Any(a => a is "errexit");
                return state with { PosixShell = posix, ShellErrexit = errexit };
            case InstructionKind.Env when instruction.Arguments is KeyValueArguments pairs:
                var env = state.Env;
                foreach (var pair in pairs.Pairs)
                {
                    if (TrackedNames.Contains(pair.Key.Value))
                    {
                        env = env.SetItem(pair.Key.Value, pair.Value.Value.Trim('"', '\''));
                    }
                }

                return ReferenceEquals(env, state.Env) ? state : state with { Env = env };
            case InstructionKind.Arg:
                var args = state.Env;
                foreach (var (argName, value) in ArgDeclarations.Read(instruction))
                {
                    if (TrackedNames.Contains(argName))
                    {
                        args = args.SetItem(argName, value);
                    }
                }

                return ReferenceEquals(args, state.Env) ? state : state with { Env = args };
            default:
                return state;
        }
    }

    private static bool IsWindowsImage(string image)
    {
        var lower = image.ToLowerInvariant();
        return lower.Contains("windows", StringComparison.Ordinal) || lower.Contains("nanoserver", StringComparison.Ordinal)
            || lower.Contains("servercore", StringComparison.Ordinal);
    }
}