using System.Collections.Immutable;

using DockerOpt.Core.BuildContext;
using DockerOpt.Core.Editing;
using DockerOpt.Core.Model;
using DockerOpt.Core.Passes;
using DockerOpt.Core.Shell;
using DockerOpt.Core.Shell.Commands;
using DockerOpt.Syntax;
using DockerOpt.Transforms.Ecosystems;
using DockerOpt.Transforms.Layers;
using DockerOpt.Transforms.Manifests;
using DockerOpt.Transforms.Runtime;
using DockerOpt.Transforms.Stages;

namespace DockerOpt.Transforms.Passes;

/// <summary>
/// Splits a single stage that builds into a builder (the original stage, named <c>build</c>) and a runtime stage
/// that copies only what runs: Node (production install + build output), Python (a virtualenv built in the builder,
/// the source, runtime libraries but no compilers), Go (a static, stripped binary on distroless static, non-root). The runtime
/// keeps the stage's contract (CMD/ENTRYPOINT, EXPOSE, ENV, WORKDIR, LABEL); the base-image pass then picks its size.
/// </summary>
public sealed class MultiStagePass : IRewritePass
{
    public const string Id = "multi-stage";

    private const string DistrolessStatic = "gcr.io/distroless/static-debian12";

    private static readonly ImmutableArray<string> RelocatingPipFlags = ["--user", "--prefix", "--target", "-t", "--root"];

    // Words that show a stage runs Python 2 (or builds its own virtualenv with virtualenv).
    private static readonly ImmutableArray<string> PythonTwoWords = ["python2", "python2.7", "pip2", "pip2.7", "virtualenv"];

    public PassInfo Info { get; } = new(
        Id,
        "Split the build from the runtime",
        "Turns a single stage that builds (Node: npm install + npm run build; Python: pip install with build tools; Go: go build; "
        + ".NET: dotnet restore/publish or a dotnet run, published and started with dotnet App.dll on the aspnet or runtime image; "
        + "Rust: cargo build --release, cargo install --path or a cargo run, the binary alone on distroless cc or debian slim of the builder's release with the libraries Cargo.lock and the apt -dev packages show, "
        + "built without debug information (CARGO_PROFILE_RELEASE_STRIP=debuginfo, cargo 1.77's default) unless the release profile, RUSTFLAGS or the pinned cargo decide; "
        + "Java: mvn package or gradle build started with java -jar, the one jar on the eclipse-temurin JRE of the builder's Java version, in exec form) "
        + "into a builder and a runtime stage holding only what runs; a go build whose binary ships in the runtime stage also gets "
        + "-trimpath -ldflags=\"-s -w\" (merged into flags it has; declined with variables, GOFLAGS or a debug build). Respects files "
        + "that are already multi-stage: only their go builds get the release flags, and a Go binary whose runtime stage is a glibc "
        + "image holding just it and apt's CA certificates is built static (CGO_ENABLED=0) for distroless static. Declines "
        + "for other ecosystems, several builds, unknown build output folders, RUN commands it cannot place, VOLUME/ONBUILD/SHELL, "
        + "and commands whose files it cannot know.",
        PassCategory.Size,
        PassSafety.ChangesBehaviour,
        [
            "files that are already multi-stage (their final stage is improved by the other passes)",
            "ecosystems other than Node, Python, Go, .NET, Rust and Java",
            "several builds, build output folders that cannot be known, variables in paths",
            "RUN commands other than the dependency installs, the build and apt installs it can sort",
            "VOLUME, ONBUILD and SHELL in the stage",
        ],
        "FROM golang:1.22\nWORKDIR /app\nCOPY . .\nRUN go build -o server .\nCMD [\"./server\"]\n",
        "FROM golang:1.22 AS build\nWORKDIR /app\nCOPY . .\nRUN CGO_ENABLED=0 go build -trimpath -ldflags=\"-s -w\" -o server .\nCMD [\"./server\"]\n\n"
        + "FROM gcr.io/distroless/static-debian12\nWORKDIR /app\nCOPY --from=build /app/server /app/server\nUSER 65532:65532\nCMD [\"/app/server\"]\n",
        [])
    {
        Roles = RolePolicy.LeafApps("a new runtime stage (and Go release flags) changes what ships: builder, CI and dev images need their tools, base images are built FROM"),
    };

    public PassResult Run(PassContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var model = context.Model;
        if (model.Stages.IsEmpty)
        {
            return PassResult.Empty;
        }

        var findings = new List<Finding>();
        if (model.IsMultiStage)
        {
            var final = model.FinalStage!;
            if (model.Stages.Any(s => Builds(model, s)))
            {
                findings.Add(PassContext.At(Id, final.From, FindingKind.Declined, "the file is already multi-stage: its final stage is improved in place, not split again"));
            }

            var releaseEdits = new List<TextEdit>();
            ReleaseCopiedGoBinaries(context, releaseEdits, findings);
            if (GoStaticRuntime.Plan(context) is { } runtime)
            {
                releaseEdits.AddRange(runtime.Edits);
                findings.Add(runtime.Applied is { } applied
                    ? PassContext.At(Id, final.From, FindingKind.Applied, applied, changesBehaviour: true)
                    : PassContext.At(Id, final.From, FindingKind.Declined, runtime.Declined!));
            }

            return new PassResult([.. releaseEdits], [.. findings], []);
        }

        var stage = model.Stages[0];
        var ecosystem = stage.BaseKind == StageBaseKind.ExternalImage ? EcosystemDetector.FromImage(stage.ResolvedBaseText ?? string.Empty) : null;
        if (!Builds(model, stage))
        {
            return PassResult.Empty;
        }

        var plan = Plan(context, stage, ecosystem);
        if (plan.Decline is { } reason)
        {
            findings.Add(PassContext.At(Id, stage.From, FindingKind.Declined, reason));
            findings.AddRange(plan.Notes ?? []);
            return PassResult.FindingsOnly(findings);
        }

        var edits = new List<TextEdit>(plan.BuilderEdits);
        var fromArguments = (FromArguments)stage.From.Arguments;
        if (fromArguments.StageName is null)
        {
            edits.Add(TextEdit.Insert(fromArguments.Image!.Span.End, " " + context.Style.FormatKeyword("AS") + " build"));
        }

        var moved = RuntimeOnlyRemovals(context, stage, edits);
        if (moved.Count > 0)
        {
            findings.Add(PassContext.At(Id, moved[0], FindingKind.Applied,
                $"removed {string.Join(", ", moved.Select(i => $"{i.KeywordUpper} (line {i.StartLine})"))} from the builder: the runtime stage carries {(moved.Count == 1 ? "it" : "them")}, and nothing runs the builder"));
        }

        var nl = context.Style.NewLine;
        var text = context.Text;
        var kept = EditApplier.Apply(text, edits);
        // One blank line before the runtime stage: the builder may already end with one (an instruction inserted
        // above a CMD that moved to the runtime stage keeps its blank line below).
        var endsWithBlankLine = kept.EndsWith("\n\n", StringComparison.Ordinal) || kept.EndsWith("\n\r\n", StringComparison.Ordinal);
        var prefix = endsWithBlankLine ? string.Empty : kept.Length == 0 || kept.EndsWith('\n') ? nl : nl + nl;
        edits.Add(TextEdit.Insert(text.Length, prefix + string.Join(nl, plan.Runtime) + (context.Style.EndsWithNewLine ? nl : string.Empty)));
        findings.Add(PassContext.At(Id, stage.From, FindingKind.Applied, plan.Summary!, changesBehaviour: true));
        findings.AddRange(plan.Notes ?? []);
        return new PassResult([.. edits], [.. findings], []);
    }

    // CMD, ENTRYPOINT, EXPOSE, HEALTHCHECK and STOPSIGNAL only describe the running container, and the runtime stage
    // carries them: the builder drops them, with the blank lines before them when a blank line or the end follows.
    // The comment lines right above one explain it, so they move with it (RuntimeStageLines.CommentAbove): a CMD left in the builder
    // would be dead text whose linter findings count twice. One with a pragma stays.
    private static List<InstructionSyntax> RuntimeOnlyRemovals(PassContext context, StageModel stage, List<TextEdit> edits)
    {
        var text = context.Text;
        var removed = new List<InstructionSyntax>();
        foreach (var instruction in stage.Instructions.Where(RuntimeStageLines.IsRuntimeOnly))
        {
            if (context.IsIgnored(instruction))
            {
                continue;
            }

            var start = RuntimeStageLines.LineStartOf(text, instruction);
            if (RuntimeStageLines.CommentAbove(text, instruction) is { } comment)
            {
                start = comment.Start;
            }

            var end = instruction.FullSpan.End;
            var next = end >= text.Length ? string.Empty : text[end..(text.IndexOf('\n', end) is var n and >= 0 ? n : text.Length)];
            if (next.Trim().Length == 0)
            {
                while (RuntimeStageLines.PreviousLine(text, start) is { } blank && text[blank.Start..blank.End].Trim().Length == 0)
                {
                    start = blank.Start;
                }
            }

            edits.Add(TextEdit.Delete(TextSpan.FromBounds(start, end)));
            removed.Add(instruction);
        }

        return removed;
    }

    // A stage "builds" when it runs a recognised dependency install or build, or starts with a command that builds
    // the app from its source (dotnet run).
    private static bool Builds(DockerfileModel model, StageModel stage)
    {
        var facts = StageFacts.Of(model, stage);
        return facts.EcosystemCommands().Any()
            || facts.Commands.Any(c => c.Instruction.Kind is InstructionKind.Cmd or InstructionKind.Entrypoint
                && EcosystemTable.All.Any(e => e.SourceRunCommandList.Any(c.Tool.Matches)));
    }

    private static SplitPlan Plan(PassContext context, StageModel stage, Ecosystem? ecosystem)
    {
        if (context.IsIgnored(stage.From))
        {
            return SplitPlan.Declined("a dockeropt pragma keeps this stage whole");
        }

        if (ecosystem is null)
        {
            return SplitPlan.Declined($"the base image '{stage.BaseText}' is not a Node, Python, Go, .NET, Rust or Java image, so what the runtime needs is unknown");
        }

        var facts = StageFacts.Of(context.Model, stage);
        if (facts.Unreadable.FirstOrDefault() is { } unreadable)
        {
            return SplitPlan.Declined($"the command at line {unreadable.StartLine} is not fully understood");
        }

        if (stage.Instructions.FirstOrDefault(i => i.Kind is InstructionKind.Volume or InstructionKind.Onbuild or InstructionKind.Shell) is { } odd)
        {
            return SplitPlan.Declined($"{odd.KeywordUpper} at line {odd.StartLine} changes how the stage builds or runs in ways a split cannot carry over");
        }

        if (stage.Instructions.Any(i => i.Kind is InstructionKind.Copy or InstructionKind.Add && i.GetFlag("from") is not null))
        {
            return SplitPlan.Declined("the stage copies from other images, which a split would have to place");
        }

        if (ecosystem.SplitPlanner is { } planner)
        {
            return planner.Plan(context, stage, facts);
        }

        return ecosystem.Id switch
        {
            "node" => PlanNode(context, stage, facts, ecosystem),
            "python" => PlanPython(context, stage, facts),
            "go" => PlanGo(context, stage, facts, ecosystem),
            _ => SplitPlan.Declined($"splitting {ecosystem.Name} builds is not supported yet"),
        };
    }

    private static SplitPlan PlanNode(PassContext context, StageModel stage, StageFacts facts, Ecosystem node)
    {
        if (!context.BuildContext.IsKnown)
        {
            return SplitPlan.Declined("no build context is known, so package.json (the build output folder, the start script) cannot be read");
        }

        var runs = ClassifyRuns(stage, facts, node);
        if (runs.Decline is { } decline)
        {
            return SplitPlan.Declined(decline);
        }

        if (runs.Builds.Count != 1)
        {
            return SplitPlan.Declined(runs.Builds.Count == 0 ? "the stage installs but does not build: there is no build output to copy" : "the stage runs several builds");
        }

        var package = PackageJson.Parse(context.BuildContext.ReadText("package.json"));
        if (package is null)
        {
            return SplitPlan.Declined("package.json is missing from the build context or is not valid JSON");
        }

        if (package.InstallScript is { } script)
        {
            return SplitPlan.Declined($"package.json has a '{script}' script, which the production install would run without the build tools");
        }

        if (package.BuildOutput(context.BuildContext.ReadText("tsconfig.json")) is not { } output)
        {
            return SplitPlan.Declined("the build output folder cannot be read from package.json or tsconfig.json");
        }

        var workdir = Workdirs.At(stage, runs.Builds[0].Command.Instruction);
        if (workdir is null || !workdir.StartsWith('/'))
        {
            return SplitPlan.Declined("the build runs without an absolute WORKDIR, so where its output lands is unknown");
        }

        if (RuntimeCommand(stage) is { } command && !RunsOnlyFrom(command, package, output))
        {
            return SplitPlan.Declined($"the start command '{command}' may need files outside {output}/, which the runtime stage would not have");
        }

        var manifests = EcosystemDetector.ManifestsIn(node, context.BuildContext).Where(f => f is "package.json" || node.Manifests.Any(m => m.Role == ManifestRole.Lockfile && m.Matches(f))).ToList();
        var install = node.ProductionInstalls.First(p => p.WhenFile is null || manifests.Contains(p.WhenFile)).Command;
        var block = new List<string>
        {
            Format(context, "COPY", $"{string.Join(' ', manifests)} ./"),
            Format(context, "RUN", install),
            Format(context, "COPY", $"--from=build {workdir.TrimEnd('/')}/{output} ./{output}"),
        };
        block.AddRange(AssetCopies(context, node));

        var runtime = RuntimeStageLines.Write(context, stage, Format(context, "FROM", stage.BaseText), runs.FirstInstall ?? runs.Builds[0].Command.Instruction, block, _ => false);
        return new SplitPlan(
            null,
            [],
            runtime,
            $"split into a builder and a runtime stage with production dependencies ({install}) and {output}/ only; files the app reads at run time outside {output}/ must be added");
    }

    private static SplitPlan PlanPython(PassContext context, StageModel stage, StageFacts facts)
    {
        var python = EcosystemTable.Python;
        var runs = ClassifyRuns(stage, facts, python);
        if (runs.Decline is { } decline)
        {
            return SplitPlan.Declined(decline);
        }

        if (PythonTwo(context, stage) is { } two)
        {
            return SplitPlan.Declined(two);
        }

        var pipInstalls = runs.Installs.Where(i => i.Recognised.Pattern.Program == "pip").ToList();
        if (pipInstalls.Count == 0 || pipInstalls.Count != runs.Installs.Count || runs.Builds.Count > 0)
        {
            return SplitPlan.Declined("only pip installs are split (poetry, uv, pipenv and setup.py builds are not yet)");
        }

        foreach (var (_, recognised) in pipInstalls)
        {
            var tool = recognised.Invocation;
            if (tool.HasFlag("-e") || tool.HasFlag("--editable"))
            {
                return SplitPlan.Declined($"'{tool}' is an editable install, which points into the builder's source tree");
            }

            if (RelocatingPipFlags.Any(tool.HasFlag))
            {
                return SplitPlan.Declined($"'{tool}' installs to a chosen location, which a virtualenv would move");
            }
        }

        if (RuntimeCommand(stage) is { } start && start.Contains("/usr/", StringComparison.Ordinal) && start.Contains("python", StringComparison.Ordinal))
        {
            return SplitPlan.Declined($"the start command '{start}' names an interpreter path, which would bypass the virtualenv");
        }

        var runtimePackages = new List<string>();
        foreach (var package in facts.InstalledPackages)
        {
            if (DebianDevPackages.RuntimeLibraryOf.TryGetValue(package, out var library))
            {
                runtimePackages.Add(library);
            }
            else if (package.EndsWith("-dev", StringComparison.Ordinal) && !DebianDevPackages.BuildOnly.Contains(package))
            {
                return SplitPlan.Declined($"which runtime library the build dependency {package} links is unknown");
            }
            else if (!DebianDevPackages.BuildOnly.Contains(package))
            {
                runtimePackages.Add(package);
            }
        }

        // On a slim base that installs no compilers or -dev packages, pip can only have installed wheels and pure-Python
        // packages: the runtime stage would be the same image plus a virtualenv.
        var buildOnly = facts.InstalledPackages.Where(p => DebianDevPackages.BuildOnly.Contains(p) || DebianDevPackages.RuntimeLibraryOf.ContainsKey(p) || p.EndsWith("-dev", StringComparison.Ordinal));
        if (!buildOnly.Any() && IsSlim(stage.ResolvedBaseText ?? stage.BaseText))
        {
            return SplitPlan.Declined($"no build-only tools to leave behind: '{stage.BaseText}' has no compilers and the stage installs none, so the runtime stage would be the same image plus a virtualenv");
        }

        // The virtualenv is created before the source is copied, so the manifests-first pass still sees COPY . . then pip.
        var firstPip = pipInstalls[0].Command.Instruction;
        var firstSourceCopy = stage.Instructions.FirstOrDefault(i => i.Kind is InstructionKind.Copy or InstructionKind.Add && i.Span.Start < firstPip.Span.Start);
        var builderEdits = new List<TextEdit>
        {
            InstructionEdits.InsertBefore(context.Syntax, firstSourceCopy ?? firstPip, context.Style, Format(context, "RUN", "python -m venv /opt/venv"), Format(context, "ENV", "PATH=\"/opt/venv/bin:$PATH\"")),
        };

        // The virtualenv's installers (pip, and setuptools before Python 3.12) are only needed to install; the runtime
        // image has pip of its own. They go unless something installed or copied needs them (VenvTrim).
        var command = RuntimeCommand(stage);
        var dropsPip = command is null || !command.Split(' ').Any(w => ToolInvocation.Normalise(w) == "pip");
        // The trim runs right after the last pip install, so it searches only what is in the image by then: a copy that
        // comes later (the usual `COPY . .` after `pip install -r requirements.txt`) is not there yet, and whether the
        // app uses setuptools is then unknown — not "unused".
        var lastPip = pipInstalls[^1].Command.Instruction;
        var copiesAfterTrim = stage.Instructions.Any(i => i.Kind is InstructionKind.Copy or InstructionKind.Add && i.Span.Start > lastPip.Span.Start);
        var sourceRoots = copiesAfterTrim ? null : SourceRoots(stage);
        if (dropsPip)
        {
            var trim = VenvTrim.Script(context.Style, sourceRoots, HasImportlibMetadata(stage));
            builderEdits.Add(InstructionEdits.InsertAfter(context.Syntax, pipInstalls[^1].Command.Instruction, context.Style, Format(context, "RUN", trim)));
        }

        var head = new List<string> { Format(context, "FROM", stage.BaseText) };
        if (runtimePackages.Count > 0)
        {
            head.Add(RuntimeAptRun(context, runtimePackages.Distinct()));
        }

        head.Add(Format(context, "ENV", "PATH=\"/opt/venv/bin:$PATH\""));
        var block = new List<string> { Format(context, "COPY", "--from=build /opt/venv /opt/venv") };
        var skippedInputs = stage.Instructions
            .Where(i => i.Kind is InstructionKind.Copy or InstructionKind.Add && CopiesOnlyPipInput(stage, i, pipInstalls))
            .ToList();
        var runtime = RuntimeStageLines.Write(
            context,
            stage,
            string.Join(context.Style.NewLine, head),
            firstSourceCopy ?? firstPip,
            block,
            i => i.Kind is InstructionKind.Copy or InstructionKind.Add && !skippedInputs.Contains(i));
        return new SplitPlan(
            null,
            builderEdits,
            runtime,
            $"split into a builder (compilers, pip install into /opt/venv) and a runtime stage with the virtualenv and the source"
            + (runtimePackages.Count > 0 ? $"; runtime libraries kept: {string.Join(", ", runtimePackages.Distinct())}" : "; no build packages in the runtime")
            + (skippedInputs.Count > 0 ? $"; the requirements files pip read ({string.Join(", ", skippedInputs.Select(i => $"line {context.UserLine(i)}"))}) are not copied into the runtime stage, which has the virtualenv they describe" : string.Empty)
            + TrimSummary(dropsPip, sourceRoots, copiesAfterTrim));
    }

    // A copy whose every source lands where a pip install of the stage reads it with -r/-c (requirements, constraints):
    // pip's input only. The runtime stage has the virtualenv those files describe, so it does not copy them again (an
    // expert's runtime stage does not; a later copy of the whole source still brings them).
    private static bool CopiesOnlyPipInput(StageModel stage, InstructionSyntax copy, List<(StageCommand Command, EcosystemCommand Recognised)> pipInstalls)
    {
        var read = pipInstalls
            .SelectMany(p => p.Recognised.ManifestArguments.OfType<string>().Select(file => Workdirs.At(stage, p.Command.Instruction) is { } workdir ? Workdirs.Combine(workdir, file) : null))
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        var words = copy.Arguments switch
        {
            WordArguments { Words.Length: >= 2 } list => list.Words.Select(w => w.Value).ToList(),
            ExecFormArguments { Elements.Length: >= 2 } exec => exec.Elements.Select(e => e.Value).ToList(),
            _ => [],
        };
        if (read.Count == 0 || words.Count == 0 || Workdirs.At(stage, copy) is not { } copyWorkdir
            || Workdirs.Combine(copyWorkdir, words[^1]) is not { } destination)
        {
            return false;
        }

        // A destination that ends in / (or several sources) is a folder; otherwise it may be the file's new name.
        var intoFolder = words[^1].EndsWith('/') || words[^1] is "." || words.Count > 2;
        return words.Take(words.Count - 1).All(source =>
            source.IndexOfAny(['$', '*', '?', '[']) < 0 && !source.Contains("://", StringComparison.Ordinal)
            && (read.Contains(Workdirs.Combine(destination, source[(source.TrimEnd('/').LastIndexOf('/') + 1)..]) ?? string.Empty)
                || (!intoFolder && read.Contains(destination))));
    }

    // What the finding says about the virtualenv's installers.
    private static string TrimSummary(bool dropsPip, IReadOnlyCollection<string>? sourceRoots, bool sourceCopiedAfterPip)
    {
        if (!dropsPip)
        {
            return "; the virtualenv keeps its pip: the start command runs pip";
        }

        var summary = "; the virtualenv's own pip is removed unless an installed package requires it (the runtime image has its own pip)";
        if (sourceCopiedAfterPip)
        {
            summary += "; setuptools stays (packages import pkg_resources without declaring it, and the source is copied after the last pip install, so it is not there to be searched)";
        }
        else if (sourceRoots is null)
        {
            summary += "; setuptools stays (packages import pkg_resources without declaring it, and where the app's source lands is unknown, so it cannot be searched)";
        }
        else
        {
            summary += $", and setuptools (with pkg_resources; seeded before Python 3.12) unless a package requires it or a Python file in site-packages, bin/ or the copied source ({string.Join(", ", sourceRoots)}) mentions pkg_resources or setuptools (setup.py aside)";
        }

        return summary + "; the checks read the installed metadata with grep and start no pip, so they add milliseconds to a rebuild";
    }

    // Where the stage copies files from the build context, as absolute paths; null when one lands in the image's
    // working directory or at /, which a search could not be limited to.
    private static ImmutableArray<string>? SourceRoots(StageModel stage)
    {
        var roots = new List<string>();
        foreach (var copy in stage.Instructions.Where(i => i.Kind is InstructionKind.Copy or InstructionKind.Add && i.GetFlag("from") is null))
        {
            var destination = Workdirs.At(stage, copy) is { } workdir && RuntimeWrites.Destination(copy) is { } path ? Workdirs.Combine(workdir, path) : null;
            if (destination is null || destination == "/" || !destination.StartsWith('/'))
            {
                return null;
            }

            if (!roots.Contains(destination))
            {
                roots.Add(destination);
            }
        }

        return [.. roots];
    }

    // Python 3.8 and later have importlib.metadata; known from the official image's tag, unknown (false) otherwise.
    private static bool HasImportlibMetadata(StageModel stage)
    {
        var name = (stage.ResolvedBaseText ?? stage.BaseText).Split('@')[0];
        var slash = name.LastIndexOf('/');
        var colon = name.LastIndexOf(':');
        if (colon < slash || !name[(slash + 1)..colon].Equals("python", StringComparison.Ordinal))
        {
            return false;
        }

        var version = name[(colon + 1)..].Split('-')[0].Split('.');
        return version.Length >= 2 && version[0] == "3" && int.TryParse(version[1], out var minor) && minor >= 8;
    }

    // The split builds its virtualenv with `python -m venv`, which Python 2.7 does not have.
    private static string? PythonTwo(PassContext context, StageModel stage)
    {
        var image = stage.ResolvedBaseText ?? stage.BaseText;
        var name = image.Split('@')[0];
        var tag = name.LastIndexOf(':') > name.LastIndexOf('/') ? name[(name.LastIndexOf(':') + 1)..] : string.Empty;
        var repository = tag.Length > 0 ? name[..name.LastIndexOf(':')] : name;
        if (repository.EndsWith("python", StringComparison.Ordinal) && tag.StartsWith('2'))
        {
            return $"the base image '{stage.BaseText}' is Python 2, which has no venv module (python -m venv) for the split's virtualenv";
        }

        foreach (var instruction in stage.Instructions)
        {
            if (PythonTwoWords.FirstOrDefault(w => TextMentions.MentionsWord(instruction.FullText, w)) is { } word)
            {
                return word == "virtualenv"
                    ? $"line {context.UserLine(instruction)} uses virtualenv, which the split's python -m venv would replace (virtualenv is what Python 2 projects use)"
                    : $"line {context.UserLine(instruction)} uses {word} (Python 2), which has no venv module (python -m venv) for the split's virtualenv";
            }
        }

        return null;
    }

    private static bool IsSlim(string image)
    {
        var name = image.Split('@')[0];
        var tag = name.LastIndexOf(':') > name.LastIndexOf('/') ? name[(name.LastIndexOf(':') + 1)..] : string.Empty;
        return tag.Contains("slim", StringComparison.Ordinal) || tag.Contains("alpine", StringComparison.Ordinal);
    }

    private static SplitPlan PlanGo(PassContext context, StageModel stage, StageFacts facts, Ecosystem go)
    {
        var runs = ClassifyRuns(stage, facts, go);
        if (runs.Decline is { } decline)
        {
            return SplitPlan.Declined(decline);
        }

        if (facts.InstalledPackages.Length > 0)
        {
            return SplitPlan.Declined("the stage installs Debian packages, which a static runtime could not have");
        }

        var builds = runs.Builds.Where(b => b.Recognised.Pattern.Words.SequenceEqual(["build"])).ToList();
        if (builds.Count != 1 || runs.Builds.Count != 1)
        {
            return SplitPlan.Declined(runs.Builds.Count == 0 ? "the stage does not run go build" : "the stage runs several builds (or go install), so which binary runs is unclear");
        }

        var (buildCommand, build) = builds[0];
        var tool = build.Invocation;
        if (tool.Command.AssignmentValue("CGO_ENABLED") is "1" || stage.Instructions.Any(i => i.Kind == InstructionKind.Env && context.Text.Substring(i.Span.Start, i.Span.Length).Contains("CGO_ENABLED=1", StringComparison.Ordinal)))
        {
            return SplitPlan.Declined("the build enables cgo, so the binary is not static");
        }

        if (go.NativeMarkers.FirstOrDefault(m => context.BuildContext.ReadText(m.File)?.Contains(m.Contains, StringComparison.Ordinal) == true) is { } marker)
        {
            return SplitPlan.Declined($"{marker.Reason} ({marker.File}), so a static binary would not work");
        }

        var workdir = Workdirs.At(stage, buildCommand.Instruction);
        var output = tool.FlagValues("-o").FirstOrDefault();
        if (workdir is null || !workdir.StartsWith('/') || output is null || Workdirs.Combine(workdir, output) is not { } binary)
        {
            return SplitPlan.Declined("the binary's path is unknown (go build needs -o with a plain path and an absolute WORKDIR)");
        }

        if (stage.Instructions.Any(i => i.Kind == InstructionKind.Healthcheck))
        {
            return SplitPlan.Declined("HEALTHCHECK needs a tool, and distroless static has none");
        }

        if (stage.Last(InstructionKind.User) is { } user && user.Arguments is WordArguments { Words: [var who] } && !who.Value.Split(':').All(p => p.All(char.IsAsciiDigit)))
        {
            return SplitPlan.Declined($"USER {who.Value} is a name the distroless image does not know");
        }

        if (ExecCommand(stage, binary) is not { } entry)
        {
            return SplitPlan.Declined($"CMD/ENTRYPOINT does not plainly run {binary}, and distroless has no shell to run anything else");
        }

        var builderEdits = new List<TextEdit>();
        if (tool.Command.AssignmentValue("CGO_ENABLED") is null && buildCommand.Instruction.Arguments is ShellFormArguments shell)
        {
            var offset = tool.Command.Words[0].Span.Start;
            builderEdits.Add(TextEdit.Insert(shell.ToSourceOffset(offset), "CGO_ENABLED=0 "));
        }

        var notes = new List<Finding>();
        ReleaseFlags(context, buildCommand, builderEdits, notes, "its binary is all the runtime stage gets");

        var aggressive = context.Options.Level == RewriteLevel.Aggressive;
        var from = Format(context, "FROM", aggressive ? "scratch" : DistrolessStatic);
        var block = new List<string>();
        if (aggressive)
        {
            block.Add(Format(context, "COPY", "--from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt"));
        }

        block.Add(Format(context, "COPY", $"--from=build {binary} {binary}"));
        block.AddRange(AssetCopies(context, go));
        var nonRoot = stage.Last(InstructionKind.User) is null ? Format(context, "USER", "65532:65532") : null;
        var runtime = RuntimeStageLines.Write(context, stage, from, runs.FirstInstall ?? buildCommand.Instruction, block, _ => false, entry, nonRoot);

        return new SplitPlan(
            null,
            builderEdits,
            runtime,
            $"split into a builder and a {(aggressive ? "scratch (with the CA bundle)" : "distroless static")} runtime with the static binary (CGO_ENABLED=0) only, running as uid 65532; "
            + "files the binary reads at run time must be embedded or copied",
            notes);
    }

    // A go build in an earlier stage whose binary the final stage copies gets the release flags the split would give it.
    private static void ReleaseCopiedGoBinaries(PassContext context, List<TextEdit> edits, List<Finding> findings)
    {
        var model = context.Model;
        var runtime = RuntimeChain(model).ToList();
        foreach (var stage in model.Stages.Where(s => !runtime.Contains(s)))
        {
            var sources = runtime.SelectMany(r => CopiedFrom(model, r, stage)).ToList();
            if (sources.Count == 0)
            {
                continue;
            }

            foreach (var command in StageFacts.Of(model, stage).Commands)
            {
                var tool = command.Tool;
                if (command.Instruction.Kind != InstructionKind.Run || tool.Program != "go" || tool.Positionals.FirstOrDefault()?.Value != "build"
                    || tool.FlagValues("-o").FirstOrDefault() is not { } output || Workdirs.At(stage, command.Instruction) is not { } workdir
                    || Workdirs.Combine(workdir, output) is not { } binary || !binary.StartsWith('/'))
                {
                    continue;
                }

                if (!sources.Any(s => s == binary || binary.StartsWith(s + "/", StringComparison.Ordinal) || s.StartsWith(binary + "/", StringComparison.Ordinal)))
                {
                    continue;
                }

                // A binary the image's own RUNs execute is a build tool there (a docs or code generator), not what it ships.
                var name = binary[(binary.LastIndexOf('/') + 1)..];
                var user = runtime.SelectMany(r => r.Instructions)
                    .FirstOrDefault(i => i.Kind == InstructionKind.Run && name.Length > 0 && TextMentions.MentionsWord(i.FullText, name));
                if (user is not null)
                {
                    findings.Add(PassContext.At(Id, command.Instruction, FindingKind.Declined,
                        $"go build left without -trimpath -ldflags=\"-s -w\": the final image runs {name} during its build (RUN at line {context.UserLine(user)}), so it is a build tool there"));
                    continue;
                }

                ReleaseFlags(context, command, edits, findings, "the final stage copies its binary");
            }
        }
    }

    private static void ReleaseFlags(PassContext context, StageCommand build, List<TextEdit> edits, List<Finding> findings, string because)
    {
        var instruction = build.Instruction;
        var plan = context.IsIgnored(instruction)
            ? GoReleaseFlagsPlan.Declined("a dockeropt pragma shields the RUN")
            : GoReleaseFlags.Plan(instruction, build.Tool, context.Text);
        if (plan.Decline is { } why)
        {
            findings.Add(PassContext.At(Id, instruction, FindingKind.Declined, $"go build left without -trimpath -ldflags=\"-s -w\": {why}"));
        }
        else if (plan.Edits.Count > 0)
        {
            edits.AddRange(plan.Edits);
            findings.Add(PassContext.At(Id, instruction, FindingKind.Applied, $"added {plan.Added} to go build ({because}): {GoReleaseFlags.Why}", changesBehaviour: true));
        }
    }

    // The final stage and the stages it is built FROM: what ends up in the image.
    private static IEnumerable<StageModel> RuntimeChain(DockerfileModel model)
    {
        for (var stage = model.FinalStage; stage is not null; stage = stage.BaseStageIndex is { } index ? model.Stages[index] : null)
        {
            yield return stage;
        }
    }

    // The absolute paths a stage copies out of another one (COPY/ADD --from), without variables or globs.
    private static IEnumerable<string> CopiedFrom(DockerfileModel model, StageModel into, StageModel source)
    {
        foreach (var copy in into.Instructions.Where(i => i.Kind is InstructionKind.Copy or InstructionKind.Add))
        {
            if (copy.GetFlag("from")?.Value is not { } from || model.FindStage(from, into.Index)?.Index != source.Index)
            {
                continue;
            }

            var words = copy.Arguments switch
            {
                WordArguments { Words.Length: >= 2 } list => list.Words.Select(w => w.Value).ToList(),
                ExecFormArguments { Elements.Length: >= 2 } exec => exec.Elements.Select(e => e.Value).ToList(),
                _ => [],
            };

            foreach (var path in words.Take(Math.Max(0, words.Count - 1)))
            {
                if (path.IndexOfAny(['$', '*', '?', '[']) < 0 && Workdirs.Combine("/", path) is { } absolute)
                {
                    yield return absolute;
                }
            }
        }
    }

    // The RUNs of the stage sorted into installs, builds and apt installs; anything else declines.
    private static RunSorting ClassifyRuns(StageModel stage, StageFacts facts, Ecosystem ecosystem)
    {
        var installs = new List<(StageCommand Command, EcosystemCommand Recognised)>();
        var builds = new List<(StageCommand Command, EcosystemCommand Recognised)>();
        foreach (var command in facts.Commands.Where(c => c.Instruction.Kind == InstructionKind.Run))
        {
            var tool = command.Tool;
            var recognised = EcosystemCommand.Recognise(tool);
            if (recognised is not null && recognised.Ecosystem != ecosystem)
            {
                return new RunSorting($"line {command.Instruction.StartLine} runs {recognised.Ecosystem.Name} tooling too", [], [], null);
            }

            switch (recognised?.Kind)
            {
                case EcosystemCommandKind.Install:
                    installs.Add((command, recognised));
                    continue;
                case EcosystemCommandKind.Build:
                    builds.Add((command, recognised));
                    continue;
                default:
                    break;
            }

            if (tool.Program is "apt-get" or "apt" or "rm" or "true")
            {
                continue;
            }

            if (tool.Program is "npm" or "yarn" or "pnpm" && tool.Positionals.FirstOrDefault()?.Value is "config" or "set")
            {
                continue;
            }

            return new RunSorting($"line {command.Instruction.StartLine} runs '{tool}', and whether the runtime needs what it makes is unknown", [], [], null);
        }

        return new RunSorting(null, installs, builds, installs.Count > 0 ? installs[0].Command.Instruction : null);
    }

    private static IEnumerable<string> AssetCopies(PassContext context, Ecosystem ecosystem) =>
        ecosystem.RuntimeAssetDirectories.Where(context.BuildContext.DirectoryExists).Select(d => Format(context, "COPY", $"{d} ./{d}"));

    // The command the container runs, as text (CMD after ENTRYPOINT), or null when there is none.
    private static string? RuntimeCommand(StageModel stage)
    {
        var parts = new[] { stage.Last(InstructionKind.Entrypoint), stage.Last(InstructionKind.Cmd) }
            .OfType<InstructionSyntax>()
            .Select(i => i.Arguments switch
            {
                ExecFormArguments exec => string.Join(' ', exec.Values),
                ShellFormArguments shell => shell.CommandText,
                _ => string.Empty,
            });
        var text = string.Join(' ', parts).Trim();
        return text.Length == 0 ? null : text;
    }

    // node dist/server.js, or npm start whose script is node dist/...: everything it runs is in the build output.
    private static bool RunsOnlyFrom(string command, PackageJson package, string output)
    {
        var words = command.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count >= 2 && words[0] == "npm" && (words[1] == "start" || (words.Count >= 3 && words[1] == "run")))
        {
            var name = words[1] == "start" ? "start" : words[2];
            if (!package.Scripts.TryGetValue(name, out var script))
            {
                return false;
            }

            words = [.. script.Split(' ', StringSplitOptions.RemoveEmptyEntries)];
        }

        var files = words.Skip(1).Where(w => !w.StartsWith('-')).ToList();
        return words.Count >= 2 && words[0] == "node" && files.Count > 0
            && files.All(f => f.StartsWith(output + "/", StringComparison.Ordinal) || f.StartsWith("./" + output + "/", StringComparison.Ordinal));
    }

    // Go: the CMD/ENTRYPOINT must run the binary; written back in exec form with its absolute path (no shell in distroless).
    private static string? ExecCommand(StageModel stage, string binary)
    {
        if (stage.Last(InstructionKind.Entrypoint) is not null && stage.Last(InstructionKind.Cmd) is not null)
        {
            return null;
        }

        var instruction = stage.Last(InstructionKind.Entrypoint) ?? stage.Last(InstructionKind.Cmd);
        if (instruction is null)
        {
            return null;
        }

        ImmutableArray<string> words;
        if (instruction.Arguments is ExecFormArguments exec)
        {
            words = exec.Values;
        }
        else if (instruction.Arguments is ShellFormArguments shell && ShellParser.Parse(shell.CommandText) is { IsSingleAndChain: true } script
            && script.Commands.Length == 1 && script.Commands[0].Simple is { Assignments.IsEmpty: true, Redirections.IsEmpty: true } simple
            && simple.Words.All(w => w.IsStatic && !w.HasGlob))
        {
            words = [.. simple.Words.Select(w => w.Value!)];
            if (words.Length > 1 && words[0] == "exec")
            {
                words = words[1..];
            }
        }
        else
        {
            return null;
        }

        var workdir = Workdirs.At(stage, instruction);
        if (words.IsEmpty || workdir is null || (!words[0].Contains('/', StringComparison.Ordinal)) || Workdirs.Combine(workdir, words[0]) != binary)
        {
            return null;
        }

        var elements = new[] { binary }.Concat(words.Skip(1)).Select(w => "\"" + w.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"");
        var keyword = instruction.Keyword.Text;
        return $"{keyword} [{string.Join(", ", elements)}]";
    }

    // The runtime stage's apt install, one command per continued line in the file's chain style (a chain on one line is
    // what tally's newline-per-chained-call flags). With cache-mounts on, the package lists go in the cache mount that
    // pass gives apt RUNs, so nothing is left to delete and the RUN is two commands — update, install + delete would be
    // a chain of three, which tally's prefer-run-heredoc flags. With cache-mounts off, the lists are deleted instead.
    private static string RuntimeAptRun(PassContext context, IEnumerable<string> packages)
    {
        var chain = ChainStyle.Sniff(context.Syntax, context.Style);
        var install = $"apt-get install -y --no-install-recommends {string.Join(' ', packages)}";
        if (!context.Options.IsEnabled(CacheMountsPass.Id) || LegacyBuilderEvidence.Find(context.BuildContext, context.DockerfilePath, context.Syntax) is not null)
        {
            return Format(context, "RUN", $"apt-get update{chain.Continued}{install}{chain.Continued}rm -rf /var/lib/apt/lists/*");
        }

        var lists = PackageCaches.Apt.Mounts[0];
        return Format(context, "RUN", $"{lists.FlagFor(lists.Target)} {chain.Escape}{chain.NewLine}{chain.Indent}apt-get update{chain.Continued}{install}");
    }

    private static string Format(PassContext context, string keyword, string arguments) => InstructionEdits.Format(context.Style, keyword, arguments);

    private sealed record RunSorting(
        string? Decline,
        List<(StageCommand Command, EcosystemCommand Recognised)> Installs,
        List<(StageCommand Command, EcosystemCommand Recognised)> Builds,
        InstructionSyntax? FirstInstall);
}