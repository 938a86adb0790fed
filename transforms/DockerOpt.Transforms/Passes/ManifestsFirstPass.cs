using System.Collections.Immutable;

using DockerOpt.Core.Editing;
using DockerOpt.Core.Model;
using DockerOpt.Core.Passes;
using DockerOpt.Core.Shell.Commands;
using DockerOpt.Syntax;
using DockerOpt.Transforms.Ecosystems;
using DockerOpt.Transforms.Manifests;
using DockerOpt.Transforms.Stages;

namespace DockerOpt.Transforms.Passes;

/// <summary>
/// Splits <c>COPY . .</c> followed by a dependency install into: copy only the manifests the install reads (those that
/// exist in the build context), install, then copy the source — so editing the source no longer reinstalls every
/// dependency. For Go, whose build downloads modules itself, inserts <c>go mod download</c> after go.mod/go.sum.
/// </summary>
public sealed class ManifestsFirstPass : IRewritePass
{
    public const string Id = "manifests-first";

    // Commands that read nothing from the copied source, so they may run before it is copied.
    private static readonly ImmutableHashSet<string> ContextFree =
        [.. PackageManagerFacts.SystemPackageExecutables, "rm", "mkdir", "true", "echo", "corepack", "useradd", "groupadd", "adduser", "addgroup", "ln"];

    // Instructions that may sit between the copy and the install without reading the source.
    private static readonly ImmutableHashSet<InstructionKind> Neutral =
    [
        InstructionKind.Env, InstructionKind.Arg, InstructionKind.Label, InstructionKind.Expose, InstructionKind.Workdir,
        InstructionKind.User, InstructionKind.Stopsignal, InstructionKind.Healthcheck, InstructionKind.Cmd, InstructionKind.Entrypoint,
    ];

    public PassInfo Info { get; } = new(
        Id,
        "Copy dependency manifests before the source",
        "Turns COPY . . followed by a dependency install (npm/yarn/pnpm, pip -r, poetry --no-root, go) into a copy of the "
        + "manifests that exist in the build context, the install, then the source copy; adds go mod download for Go. "
        + "Declines without a build context, for installs that read the source (pip install ., -e, npm lifecycle scripts, "
        + "workspaces), for installs sharing a RUN with other commands, for paths built from variables, and for a copy to a "
        + "relative path in a stage without WORKDIR.",
        PassCategory.BuildSpeed,
        PassSafety.Safe,
        [
            "no build context",
            "installs that read the project source (pip install ., pip install -e, poetry install without --no-root)",
            "npm lifecycle scripts (prepare, postinstall) and workspaces",
            "an install in the same RUN as commands that may read the source",
            "working directories or paths built from variables",
            "a copy to a relative path with no WORKDIR before it (the manifests' COPY would be one more hadolint DL3045)",
        ],
        "WORKDIR /app\nCOPY . .\nRUN npm ci\nRUN npm run build\n",
        "WORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n",
        [])
    {
        Roles = RolePolicy.Everywhere("copying the manifests first changes only which layers are cached; the image holds the same files, so it applies to every kind of image"),
    };

    public PassResult Run(PassContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var edits = new List<TextEdit>();
        var findings = new List<Finding>();
        foreach (var stage in context.Model.Stages)
        {
            for (var i = 0; i < stage.Instructions.Length; i++)
            {
                if (SourceCopy.From(stage.Instructions[i]) is { } copy)
                {
                    Rewrite(context, stage, i, copy, edits, findings);
                }
            }
        }

        return new PassResult([.. edits], [.. findings], []);
    }

    private static void Rewrite(PassContext context, StageModel stage, int copyIndex, SourceCopy copy, List<TextEdit> edits, List<Finding> findings)
    {
        var instructions = stage.Instructions;
        var installRuns = new List<(InstructionSyntax Run, ImmutableArray<EcosystemCommand> Installs)>();
        InstructionSyntax? next = null;
        RunAnalysis? nextAnalysis = null;
        for (var j = copyIndex + 1; j < instructions.Length; j++)
        {
            var instruction = instructions[j];
            if (Neutral.Contains(instruction.Kind))
            {
                continue;
            }

            if (instruction.Kind == InstructionKind.Run)
            {
                var analysis = Analyse(context, instruction);
                if (analysis.Installs.Length > 0 && analysis.Blocker is null)
                {
                    installRuns.Add((instruction, analysis.Installs));
                    continue;
                }

                nextAnalysis = analysis;
            }

            next = instruction;
            break;
        }

        void Decline(InstructionSyntax at, string message) => findings.Add(PassContext.At(Id, at, FindingKind.Declined, message));

        if (installRuns.Count == 0)
        {
            if (nextAnalysis is { Blocker: { } blocker, Installs.Length: > 0 } && next is not null)
            {
                Decline(next, $"the install stays after the source copy: {blocker}");
            }
            else if (next is not null && nextAnalysis is { } buildAnalysis && Prefetch(context.Model, stage, copyIndex, buildAnalysis) is { } ecosystem)
            {
                RewriteWithPrefetch(context, stage, copy, next, ecosystem, edits, findings);
            }

            return;
        }

        if (!context.BuildContext.IsKnown)
        {
            Decline(copy.Instruction, "no build context is known, so which dependency manifests exist is unknown; pass --context to split the copy");
            return;
        }

        if (context.IsIgnored(copy.Instruction))
        {
            Decline(copy.Instruction, "a dockeropt pragma keeps this copy");
            return;
        }

        var destination = Workdirs.At(stage, copy.Instruction) is { } copyWorkdir ? Workdirs.Combine(copyWorkdir, copy.Destination) : null;
        if (destination is null)
        {
            Decline(copy.Instruction, $"the destination '{copy.Destination}' or the working directory uses a variable");
            return;
        }

        if (Workdirs.IsRelativeToImageDefault(context.Model, stage, copy.Instruction, copy.Destination))
        {
            Decline(copy.Instruction, NoWorkdirReason(copy));
            return;
        }

        var files = new List<string>();
        foreach (var (run, installs) in installRuns)
        {
            if (Workdirs.At(stage, run) != destination)
            {
                Decline(run, $"the install does not run in {copy.Destination} (where the source is copied), so the manifests' place is unclear");
                return;
            }

            foreach (var install in installs)
            {
                var choice = ManifestChoice.For(install, context.BuildContext);
                if (choice.DeclineReason is { } reason)
                {
                    Decline(run, $"the install stays after the source copy: {reason}");
                    return;
                }

                files.AddRange(choice.Files.Where(f => !files.Contains(f)));
            }
        }

        var lastRun = installRuns[^1].Run;
        var original = context.Text.Substring(copy.Instruction.Span.Start, copy.Instruction.Span.Length);
        edits.Add(files.Count == 0
            ? InstructionEdits.Remove(copy.Instruction)
            : InstructionEdits.Replace(copy.Instruction, ManifestCopy(context, copy, files)));
        edits.Add(InstructionEdits.InsertAfter(context.Syntax, lastRun, context.Style, original));

        var installText = string.Join(", ", installRuns.SelectMany(r => r.Installs).Select(i => $"'{i.Invocation}'"));
        findings.Add(PassContext.At(
            Id,
            copy.Instruction,
            FindingKind.Applied,
            files.Count == 0
                ? $"{installText} reads nothing from the source, so it now runs before the source copy"
                : $"copies {string.Join(", ", files)} before {installText} and the rest of the source after it: a source edit no longer reinstalls the dependencies"));
    }

    private static void RewriteWithPrefetch(PassContext context, StageModel stage, SourceCopy copy, InstructionSyntax build, Ecosystem ecosystem, List<TextEdit> edits, List<Finding> findings)
    {
        void Decline(string message) => findings.Add(PassContext.At(Id, copy.Instruction, FindingKind.Declined, message));

        if (!context.BuildContext.IsKnown)
        {
            Decline($"no build context is known, so whether {ecosystem.Name} manifests exist is unknown; pass --context to download modules before the source copy");
            return;
        }

        if (context.IsIgnored(copy.Instruction))
        {
            Decline("a dockeropt pragma keeps this copy");
            return;
        }

        if (Workdirs.IsRelativeToImageDefault(context.Model, stage, copy.Instruction, copy.Destination))
        {
            Decline(NoWorkdirReason(copy));
            return;
        }

        if (Workdirs.At(stage, copy.Instruction) is not { } workdir || Workdirs.Combine(workdir, copy.Destination) is not { } destination || Workdirs.At(stage, build) != destination)
        {
            Decline($"the build does not run where the source is copied ({copy.Destination}), so the manifests' place is unclear");
            return;
        }

        var prefetch = ShellInstall(ecosystem.PrefetchCommand!);
        var choice = ManifestChoice.For(prefetch, context.BuildContext);
        if (choice.DeclineReason is { } reason)
        {
            Decline($"{ecosystem.PrefetchCommand} is not added: {reason}");
            return;
        }

        var original = context.Text.Substring(copy.Instruction.Span.Start, copy.Instruction.Span.Length);
        var run = InstructionEdits.Format(context.Style, "RUN", ecosystem.PrefetchCommand!);
        edits.Add(InstructionEdits.Replace(copy.Instruction, InstructionEdits.JoinInstructions(context.Style, [ManifestCopy(context, copy, choice.Files), run, original])));
        findings.Add(PassContext.At(
            Id,
            copy.Instruction,
            FindingKind.Applied,
            $"copies {string.Join(", ", choice.Files)} and runs {ecosystem.PrefetchCommand} before the source copy: a source edit no longer downloads every module again"));
    }

    // The manifests' COPY would go to the same relative place as the source, the base image's working directory; a
    // COPY to a relative path with no WORKDIR is what hadolint's DL3045 (and tally) flag, so the split would add one.
    private static string NoWorkdirReason(SourceCopy copy) =>
        $"the copy goes to '{copy.Destination}' and no WORKDIR is set before it (in this stage or the stages it builds on), "
        + "so the manifests' COPY would also copy to a relative path in the base image's working directory, which hadolint "
        + "DL3045 flags; with a WORKDIR (or an absolute destination) the copy is split";

    // The ecosystem whose build follows the copy and downloads dependencies itself (go build), unless the stage already fetched them.
    private static Ecosystem? Prefetch(DockerfileModel model, StageModel stage, int copyIndex, RunAnalysis next)
    {
        var ecosystem = next.Builds.Select(b => b.Ecosystem).FirstOrDefault(e => e.PrefetchCommand is not null);
        if (ecosystem is null)
        {
            return null;
        }

        var fetchedBefore = stage.Instructions.Take(copyIndex)
            .Where(i => i.Kind == InstructionKind.Run)
            .SelectMany(run => RunScripts.Tools(model, run))
            .Any(t => EcosystemCommand.Recognise(t) is { Kind: EcosystemCommandKind.Install } install && install.Ecosystem == ecosystem);
        return fetchedBefore ? null : ecosystem;
    }

    private static EcosystemCommand ShellInstall(string command)
    {
        var simple = Core.Shell.ShellParser.Parse(command).SimpleCommands.Single();
        return EcosystemCommand.Recognise(ToolInvocation.From(simple)!)!;
    }

    // One COPY per folder: COPY of several files puts each under its base name, so requirements/base.txt must go to
    // DEST/requirements/ to be where the install (and the -r lines inside the files) look for it.
    private static string ManifestCopy(PassContext context, SourceCopy copy, IReadOnlyList<string> files)
    {
        var keyword = copy.Instruction.Kind == InstructionKind.Copy ? copy.Instruction.Keyword.Text : context.Style.FormatKeyword("COPY");
        var lines = files
            .GroupBy(f => f.Contains('/', StringComparison.Ordinal) ? f[..(f.LastIndexOf('/') + 1)] : string.Empty)
            .Select(group => $"{keyword} {copy.FlagsText}{string.Join(' ', group)} {copy.DirectoryDestination}{group.Key}");
        return string.Join(context.Style.NewLine, lines);
    }

    private static RunAnalysis Analyse(PassContext context, InstructionSyntax run)
    {
        var installs = ImmutableArray.CreateBuilder<EcosystemCommand>();
        var builds = ImmutableArray.CreateBuilder<EcosystemCommand>();
        string? blocker = null;
        var script = RunScripts.Parse(context.Model, run);
        if (script is null)
        {
            // Exec form or heredoc: still say what it is, but never move it.
            var tools = RunScripts.Tools(context.Model, run).Select(EcosystemCommand.Recognise).OfType<EcosystemCommand>().ToList();
            return new RunAnalysis(
                [.. tools.Where(t => t.Kind == EcosystemCommandKind.Install)],
                [.. tools.Where(t => t.Kind == EcosystemCommandKind.Build)],
                "the RUN is in exec form or uses a heredoc, which this pass does not move");
        }

        if (context.IsIgnored(run))
        {
            blocker = "a dockeropt pragma keeps this RUN";
        }
        else if (!script.IsFullyUnderstood)
        {
            blocker = $"the RUN contains {script.OpaqueParts[0].Reason}, which this pass does not move";
        }

        string? readsSource = null;
        foreach (var command in script.SimpleCommands)
        {
            if (ToolInvocation.From(command) is not { } tool)
            {
                readsSource ??= $"'{command.Text}' may read the source";
                continue;
            }

            var recognised = EcosystemCommand.Recognise(tool);
            if (recognised is { Kind: EcosystemCommandKind.Install } && IsGlobalInstall(tool))
            {
                continue;
            }

            switch (recognised)
            {
                case { Kind: EcosystemCommandKind.Install, SourceReason: { } reason }:
                    installs.Add(recognised);
                    readsSource ??= reason;
                    break;
                case { Kind: EcosystemCommandKind.Install }:
                    installs.Add(recognised);
                    break;
                case { Kind: EcosystemCommandKind.Build }:
                    builds.Add(recognised);
                    readsSource ??= $"'{tool}' builds from the source";
                    break;
                default:
                    if (tool.Program == "cd")
                    {
                        readsSource ??= "the RUN changes directory with cd";
                    }
                    else if (!ContextFree.Contains(tool.Program) && !IsPackageManagerSetting(tool))
                    {
                        readsSource ??= $"'{tool}' in the same RUN may read the source";
                    }

                    break;
            }
        }

        return new RunAnalysis(installs.ToImmutable(), builds.ToImmutable(), blocker ?? readsSource);
    }

    // npm install -g typescript installs a tool, not the project's dependencies.
    private static bool IsGlobalInstall(ToolInvocation tool) =>
        tool.Program is "npm" or "pnpm" && (tool.HasFlag("-g") || tool.HasFlag("--global"))
        || tool.Program == "yarn" && tool.Positionals.FirstOrDefault()?.Value == "global";

    private static bool IsPackageManagerSetting(ToolInvocation tool) =>
        tool.Program is "npm" or "yarn" or "pnpm" or "pip" && tool.Positionals.FirstOrDefault()?.Value is "config" or "set";

    private sealed record RunAnalysis(ImmutableArray<EcosystemCommand> Installs, ImmutableArray<EcosystemCommand> Builds, string? Blocker);
}