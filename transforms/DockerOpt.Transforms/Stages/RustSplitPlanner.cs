using System.Collections.Immutable;

using DockerOpt.Core.BuildContext;
using DockerOpt.Core.Editing;
using DockerOpt.Core.Images;
using DockerOpt.Core.Model;
using DockerOpt.Core.Passes;
using DockerOpt.Syntax;
using DockerOpt.Transforms.Ecosystems;
using DockerOpt.Transforms.ExecForm;

namespace DockerOpt.Transforms.Stages;

/// <summary>
/// Splits a single <c>rust</c> stage that builds a binary (<c>cargo build --release</c>, <c>cargo install --path .</c>)
/// or starts with <c>cargo run</c>: the stage stays the builder, and the runtime stage holds the one binary the
/// CMD/ENTRYPOINT runs, on the smallest image that has what it links — distroless cc of the builder's Debian release
/// when it needs nothing beyond glibc, libssl, CA certificates and tzdata, else <c>debian:RELEASE-slim</c> with the
/// runtime packages the evidence names (apt <c>-dev</c> packages the stage installs, native crates in Cargo.lock);
/// a musl target gets distroless static, or scratch at the aggressive level. The binary's name comes from the command
/// and the crate's Cargo.toml; without that evidence (no Cargo.lock, unknown <c>-sys</c> crates, a build script that
/// links, a workspace) it declines and says which. The build leaves debug information out of the binary
/// (<c>CARGO_PROFILE_RELEASE_STRIP=debuginfo</c>, cargo 1.77's default for release builds) unless the author's release
/// profile, cargo configuration or RUSTFLAGS decide it, or the tag pins a cargo that has no such setting or strips already.
/// </summary>
/// <remarks>
/// The builder caches target/ with a BuildKit cache mount and copies the binary out in the same RUN (a mount's
/// contents are not in the layer), the approach of Docker's own Rust guide (<c>docker init</c>): compiled dependencies
/// survive a source edit without a dummy-source skeleton for <c>cargo fetch</c>, which would need a fake
/// <c>src/main.rs</c> and a second full build. The registry and git caches are the cache-mounts pass's.
/// </remarks>
public sealed class RustSplitPlanner : IStageSplitPlanner
{
    private const string MultiStageId = "multi-stage";

    // Cargo's configuration files beside a crate.
    private static readonly string[] CargoConfigFiles = [".cargo/config.toml", ".cargo/config"];

    // Variables in the Dockerfile that set the build's debug information or stripping themselves.
    private static readonly string[] DebugVariables = ["RUSTFLAGS", "CARGO_PROFILE_"];

    private RustSplitPlanner()
    {
    }

    public static RustSplitPlanner Instance { get; } = new();

    public SplitPlan Plan(PassContext context, StageModel stage, StageFacts facts)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(facts);
        var image = ImageReference.Parse(stage.ResolvedBaseText ?? stage.BaseText);
        if (image.Name != RustFacts.ImageName || image.HasVariables)
        {
            return SplitPlan.Declined($"'{stage.BaseText}' is not the official rust image, so what it has installed is unknown");
        }

        if (stage.From.GetFlag("platform") is { } platform)
        {
            // The single stage runs where it builds; a runtime stage without the flag would get the target platform's
            // base image and the build platform's binary.
            return SplitPlan.Declined($"FROM {platform.Text} builds on another platform than a runtime stage would run on, so the binary may not match it");
        }

        var start = StartCommand.Read(context, stage);
        if (start?.Development is { } development)
        {
            return SplitPlan.Declined(development);
        }

        if (!context.BuildContext.IsKnown)
        {
            return SplitPlan.Declined("no build context is known, so Cargo.toml and Cargo.lock (the binary's name, the libraries it links) cannot be read");
        }

        var (release, unknownRelease) = RustFacts.ReleaseOf(image.Tag);
        if (release is null)
        {
            return SplitPlan.Declined(unknownRelease!);
        }

        var runs = SortRuns(context, facts);
        if (runs.Decline is { } runDecline)
        {
            return SplitPlan.Declined(runDecline);
        }

        if (start is null)
        {
            return SplitPlan.Declined("the start command is not one plain command (CMD or ENTRYPOINT, not both; no variables, no shell constructs)");
        }

        if (start.Decline is { } startDecline)
        {
            return SplitPlan.Declined(startDecline);
        }

        if (runs.Build is null && !start.IsCargoRun)
        {
            return SplitPlan.Declined("the stage runs no cargo build --release or cargo install --path, and does not start with cargo run: there is no binary to copy");
        }

        if (RelocatedCargo(context, stage, facts) is { } relocated)
        {
            return SplitPlan.Declined(relocated);
        }

        if (stage.Instructions.FirstOrDefault(i => i.Kind == InstructionKind.Healthcheck && i.Arguments is HealthcheckArguments { IsNone: false }) is { } health)
        {
            return SplitPlan.Declined($"HEALTHCHECK at line {context.UserLine(health)} needs a tool, and the runtime image has only the binary");
        }

        var rootAt = runs.Build?.Instruction ?? start.Instruction;
        var root = Workdirs.At(stage, rootAt);
        if (root is null || !root.StartsWith('/') || root == "/")
        {
            return SplitPlan.Declined("cargo runs without an absolute WORKDIR below /, so where the crate and its target/ folder are is unknown");
        }

        if (ContextFolderOf(context, stage, root) is not { } folder)
        {
            return SplitPlan.Declined($"no COPY brings a Cargo.toml from the build context into {root}, where cargo runs");
        }

        var manifest = CargoManifest.Read(context.BuildContext, folder);
        if (manifest is null)
        {
            return SplitPlan.Declined($"{Join(folder, "Cargo.toml")} is not in the build context");
        }

        if (manifest.IsWorkspace)
        {
            return SplitPlan.Declined($"{manifest.Path} is a workspace: which member builds the binary, and what the members' build scripts link, is not read");
        }

        if (CargoConfig(context, folder) is { } config)
        {
            return SplitPlan.Declined(config);
        }

        var build = BuildOf(context, runs.Build, start, root);
        if (build.Decline is { } buildDecline)
        {
            return SplitPlan.Declined(buildDecline);
        }

        var byCommand = start.IsCargoRun ? start.Bin : start.BinaryName(stage, build, root);
        if (!start.IsCargoRun && byCommand is null)
        {
            return SplitPlan.Declined($"the start command '{start.Text}' does not run the binary the build makes ({build.Location(root, "NAME")})");
        }

        if (build.Name is { } built && byCommand is { } ran && built != ran)
        {
            return SplitPlan.Declined($"the build makes {built} (--bin), and the start command runs {ran}");
        }

        var name = byCommand ?? build.Name ?? DefaultBinary(manifest);
        if (name is null)
        {
            return SplitPlan.Declined($"{manifest.Path} builds {(manifest.Binaries.IsEmpty ? "no binary" : "several binaries (" + string.Join(", ", manifest.Binaries) + ") and sets no default-run")}, so which one cargo run starts is unclear");
        }

        if (!manifest.Binaries.Contains(name))
        {
            return SplitPlan.Declined($"{manifest.Path} builds no binary named '{name}' ({(manifest.Binaries.IsEmpty ? "none found" : string.Join(", ", manifest.Binaries))})");
        }

        var needs = Needs(context, manifest, folder, facts, build.IsMusl);
        if (needs.Decline is { } needDecline)
        {
            return SplitPlan.Declined(needDecline);
        }

        if (start.Arguments.FirstOrDefault(a => !a.StartsWith('-') && (context.BuildContext.FileExists(Join(folder, a)) || context.BuildContext.DirectoryExists(Join(folder, a)))) is { } file
            && !RuntimeAssets(context, folder).Contains(file.TrimEnd('/')))
        {
            return SplitPlan.Declined($"the start command reads '{file}' from the build context, which the runtime stage would not have");
        }

        var user = stage.Last(InstructionKind.User);
        if (user is not null && !(user.Arguments is WordArguments { Words: [var who] } && who.Value.Split(':').All(p => p.Length > 0 && p.All(char.IsAsciiDigit))))
        {
            return SplitPlan.Declined($"USER at line {context.UserLine(user)} names a user the builder may have created, which the runtime image does not have");
        }

        if (LegacyBuilderEvidence.Find(context.BuildContext, context.DockerfilePath, context.Syntax) is { } legacy)
        {
            return SplitPlan.Declined($"the builder keeps target/ in a cache mount, which needs BuildKit: {legacy}");
        }

        // The builder: the build RUN gets the target/ cache mount and copies the binary out of it; cargo run gets a build.
        // Both build without debug information (cargo 1.77's default) unless the author's settings decide.
        var mount = $"--mount=type=cache,target={root}/target";
        var (strip, stripping) = Stripping(context, manifest, folder, image.Tag);
        var builderEdits = new List<TextEdit>();
        string builtAt;
        if (runs.Build is { } existing)
        {
            if (existing.Instruction.Arguments is not ShellFormArguments || facts.Commands.Count(c => ReferenceEquals(c.Instruction, existing.Instruction)) != 1)
            {
                return SplitPlan.Declined($"the build at line {context.UserLine(existing.Instruction)} is not a RUN of cargo alone, so the copy out of its target/ cache cannot be added");
            }

            if (!existing.Instruction.Flags.Any(f => f.Name == "mount" && (f.Value ?? string.Empty).Contains($"target={root}/target", StringComparison.Ordinal)))
            {
                builderEdits.Add(InstructionEdits.InsertFlags(existing.Instruction, mount + " "));
            }

            if (strip && existing.Instruction.Arguments is ShellFormArguments shell)
            {
                builderEdits.Add(TextEdit.Insert(shell.ToSourceOffset(existing.Tool.Command.Words[0].Span.Start), RustFacts.StripAssignment + " "));
            }

            if (build.IsInstall)
            {
                builtAt = $"{RustFacts.CargoInstallBin}/{name}";
            }
            else
            {
                builtAt = $"{RustFacts.BinaryFolder}/{name}";
                builderEdits.Add(TextEdit.Insert(existing.Instruction.Arguments.Span.End, $" && cp {build.Location(null, name)} {builtAt}"));
            }
        }
        else
        {
            var anchor = runs.Last is { } last && (SourceCopy(stage) is not { } copy || last.Span.Start > copy.Span.Start) ? last : SourceCopy(stage);
            if (anchor is null || Workdirs.At(stage, anchor) != root)
            {
                return SplitPlan.Declined($"the source is not copied into {root} before cargo run, so where to build it is unknown");
            }

            builtAt = $"{RustFacts.BinaryFolder}/{name}";
            var command = $"{mount} {(strip ? RustFacts.StripAssignment + " " : string.Empty)}cargo build --release{string.Concat(start.CarriedFlags.Select(f => " " + f))} && cp {build.Location(null, name)} {builtAt}";
            builderEdits.Add(InstructionEdits.InsertAfter(context.Syntax, anchor, context.Style, Format(context, "RUN", command)));
        }

        // The runtime stage: the image the evidence allows, the binary, the assets the app reads beside it, non-root.
        var aggressive = context.Options.Level == RewriteLevel.Aggressive;
        string from;
        var head = new List<string>();
        var block = new List<string>();
        var addsUser = user is null;
        string what;
        if (build.IsMusl)
        {
            from = aggressive ? "scratch" : RustFacts.DistrolessStatic;
            what = aggressive ? "scratch runtime stage (the binary is static; the CA bundle copied from the builder)" : $"{from} runtime stage (the binary is static)";
            if (aggressive)
            {
                block.Add(Format(context, "COPY", "--from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt"));
            }
        }
        else if (needs.Packages.IsEmpty && needs.Needs.All(RustFacts.ProvidedByDistrolessCc.Contains) && RustFacts.DistrolessCc.TryGetValue(release, out var cc))
        {
            from = cc;
            what = $"{from} runtime stage (distroless cc of the builder's Debian release, {release})";
        }
        else
        {
            from = $"debian:{release}-slim";
            // A Debian image can create a named system user, which the non-root-user pass does (as for the Python
            // split); the distroless and scratch images cannot, so they get the distroless nonroot uid here.
            addsUser = false;
            var packages = needs.Needs.Select(n => RustFacts.PackageFor(n, release)).OfType<string>().Concat(needs.Packages).Distinct().ToList();
            what = $"{from} runtime stage (the builder's Debian release" + (packages.Count > 0 ? $", with {string.Join(", ", packages)} installed)" : ")");
            if (packages.Count > 0)
            {
                head.Add(Format(context, "RUN", $"apt-get update && apt-get install -y --no-install-recommends {string.Join(' ', packages)} && rm -rf /var/lib/apt/lists/*"));
            }
        }

        block.Add(Format(context, "COPY", $"--from=build {builtAt} {RustFacts.BinaryFolder}/{name}"));
        if (Workdirs.At(stage, start.Instruction) == root)
        {
            block.AddRange(RuntimeAssets(context, folder).Select(d => Format(context, "COPY", $"--from=build {root}/{d} {root}/{d}")));
        }

        var keyword = start.IsCargoRun ? "ENTRYPOINT" : start.Instruction.Keyword.Text;
        var entry = Format(context, keyword, JsonArrayWriter.Write([$"{RustFacts.BinaryFolder}/{name}", .. start.Arguments], JsonArrayWriter.SeparatorOf(context.Syntax)));
        var nonRoot = addsUser ? Format(context, "USER", RustFacts.NonRootUser) : null;
        var fromLine = string.Join(context.Style.NewLine, head.Prepend(Format(context, "FROM", from)));
        var runtime = RuntimeStageLines.Write(context, stage, fromLine, runs.Build?.Instruction ?? start.Instruction, block, _ => false, entry, nonRoot);

        var how = runs.Build is null
            ? $"cargo build --release added with a cache mount on {root}/target and the binary copied out of it"
            : build.IsInstall ? $"its cargo install with a cache mount on {root}/target" : $"its cargo build with a cache mount on {root}/target and the binary copied out of it";
        var started = start.IsCargoRun
            ? $"; started with ENTRYPOINT {RustFacts.BinaryFolder}/{name} instead of cargo run ({(start.IsRelease ? "the same release build" : "a release build instead of cargo run's debug build: no debug assertions or overflow checks")}; no toolchain or source in the image; arguments given to docker run now go to the app)"
            : string.Empty;
        return new SplitPlan(
            null,
            builderEdits,
            runtime,
            $"split into a builder ({how}) and a {what} with the binary {name} only{stripping}{needs.Evidence}{started}"
            + (addsUser ? $", running as uid {RustFacts.NonRootUser.Split(':')[0]}" : string.Empty)
            + (manifest.Binaries.Length > 1 ? $"; the crate's other binaries ({string.Join(", ", manifest.Binaries.Where(b => b != name))}) are not copied" : string.Empty)
            + "; files the binary reads at run time must be copied");
    }

    private static string Join(string folder, string path) => folder.Length == 0 ? path : folder.TrimEnd('/') + "/" + path;

    private static string Format(PassContext context, string keyword, string arguments) => InstructionEdits.Format(context.Style, keyword, arguments);

    // Whether the build leaves debug information out of the release binary as cargo 1.77 and later do by default
    // (strip = "debuginfo": symbol names stay, so panics still name functions), and what the finding says about it.
    // The author's own settings decide when there are any: the release profile in Cargo.toml or .cargo/config.toml,
    // RUSTFLAGS (which can pass -C debuginfo or -C strip), CARGO_PROFILE_* variables; and a pinned toolchain decides
    // when its cargo has no strip setting yet (before 1.59: unstable, an error on stable) or strips by default already.
    private static (bool Strip, string Said) Stripping(PassContext context, CargoManifest manifest, string folder, string? tag)
    {
        string? keep = null;
        if (!manifest.ReleaseDebugSettings.IsEmpty)
        {
            keep = $"{manifest.Path} sets {string.Join(", ", manifest.ReleaseDebugSettings)} in its release profile";
        }
        else if (DebugVariables.FirstOrDefault(v => context.Text.Contains(v, StringComparison.Ordinal)) is { } variable)
        {
            keep = $"the Dockerfile sets {(variable == "RUSTFLAGS" ? "RUSTFLAGS, which can choose debug information and stripping" : "cargo profile variables (CARGO_PROFILE_*)")}";
        }
        else if (CargoConfigFiles.Select(n => Join(folder, n)).FirstOrDefault(p => context.BuildContext.ReadText(p) is { } text
            && (text.Contains("profile", StringComparison.Ordinal) || text.Contains("rustflags", StringComparison.Ordinal))) is { } config)
        {
            keep = $"{config} sets a profile or rustflags";
        }
        else if (RustFacts.MinorOf(tag) is { } minor && minor < RustFacts.StripSinceMinor)
        {
            keep = $"cargo 1.{minor} has no strip profile setting (1.{RustFacts.StripSinceMinor} and later)";
        }
        else if (RustFacts.MinorOf(tag) is { } current && current >= RustFacts.StripByDefaultSinceMinor)
        {
            keep = $"cargo 1.{current} leaves debug information out of release builds itself (the default since 1.{RustFacts.StripByDefaultSinceMinor})";
        }

        return keep is null
            ? (true, $", built without debug information ({RustFacts.StripAssignment}, cargo's default since 1.{RustFacts.StripByDefaultSinceMinor}: a smaller binary whose panics still name functions; a debugger needs an unstripped build)")
            : (false, $"; not stripped by the split: {keep}");
    }

    // Context folders the app commonly reads at run time beside the binary (the ecosystem row's list), that exist.
    private static List<string> RuntimeAssets(PassContext context, string folder) =>
        [.. EcosystemTable.Rust.RuntimeAssetDirectories.Where(d => context.BuildContext.DirectoryExists(Join(folder, d)))];

    // The RUNs: at most one build (cargo build, cargo install --path), builder-only cargo and rustup commands, apt; else declines.
    private static RunSorting SortRuns(PassContext context, StageFacts facts)
    {
        StageCommand? build = null;
        InstructionSyntax? last = null;
        foreach (var command in facts.Commands.Where(c => c.Instruction.Kind == InstructionKind.Run))
        {
            var line = context.UserLine(command.Instruction);
            var tool = command.Tool;
            last = command.Instruction;
            var recognised = EcosystemCommand.Recognise(tool);
            if (recognised is not null && recognised.Ecosystem != EcosystemTable.Rust)
            {
                return RunSorting.Declined($"line {line} runs {recognised.Ecosystem.Name} tooling too");
            }

            var verb = tool.Positionals.FirstOrDefault()?.Value;
            if (tool.Program == "cargo")
            {
                if (!tool.Arguments.All(w => w.IsStatic))
                {
                    return RunSorting.Declined($"line {line} runs '{tool}' with variables, so what it builds is unknown");
                }

                var isBuild = verb == "build" || (verb == "install" && tool.HasFlag("--path"));
                if (isBuild)
                {
                    if (build is not null)
                    {
                        return RunSorting.Declined($"the stage builds twice (lines {context.UserLine(build.Instruction)} and {line}), so which binary runs is unclear");
                    }

                    build = command;
                    continue;
                }

                if (verb == "install" || (verb is not null && RustFacts.BuilderOnlySubcommands.Contains(verb)))
                {
                    continue;
                }

                return RunSorting.Declined($"line {line} runs '{tool}', and whether the runtime needs what it makes is unknown");
            }

            if ((tool.Program == "rustup" && verb is not null && RustFacts.BuilderOnlyRustupCommands.Contains(verb))
                || tool.Program is "apt-get" or "apt" or "rm" or "true")
            {
                continue;
            }

            return RunSorting.Declined($"line {line} runs '{tool}', and whether the runtime needs what it makes is unknown");
        }

        return new RunSorting(null, build, last);
    }

    // CARGO_HOME, CARGO_TARGET_DIR or CARGO_BUILD_TARGET set in the stage move what the split copies.
    private static string? RelocatedCargo(PassContext context, StageModel stage, StageFacts facts)
    {
        string[] variables = ["CARGO_HOME", "CARGO_TARGET_DIR", "CARGO_BUILD_TARGET"];
        foreach (var instruction in stage.Instructions.Where(i => i.Kind is InstructionKind.Env or InstructionKind.Arg))
        {
            var text = context.Text.Substring(instruction.Span.Start, instruction.Span.Length);
            if (variables.FirstOrDefault(v => text.Contains(v, StringComparison.Ordinal)) is { } variable)
            {
                return $"{instruction.KeywordUpper} at line {context.UserLine(instruction)} sets {variable}, which moves what cargo builds";
            }
        }

        return facts.Commands.FirstOrDefault(c => variables.Any(v => c.Tool.Command.AssignmentValue(v) is not null)) is { } assigned
            ? $"line {context.UserLine(assigned.Instruction)} sets a cargo location variable, which moves what cargo builds"
            : null;
    }

    // A .cargo/config.toml beside the crate may move target/ or set a target triple.
    private static string? CargoConfig(PassContext context, string folder)
    {
        foreach (var name in CargoConfigFiles)
        {
            if (context.BuildContext.ReadText(Join(folder, name)) is { } text
                && (text.Contains("target-dir", StringComparison.Ordinal) || text.Contains("[build]", StringComparison.Ordinal)))
            {
                return $"{Join(folder, name)} sets build options (a target folder or triple), which move what cargo builds";
            }
        }

        return null;
    }

    // The context folder whose Cargo.toml a COPY brings to `root`: `COPY . root`, `COPY Cargo.toml root/`, `COPY sub/ root`.
    private static string? ContextFolderOf(PassContext context, StageModel stage, string root)
    {
        foreach (var copy in stage.Instructions.Where(i => i.Kind is InstructionKind.Copy or InstructionKind.Add && i.GetFlag("from") is null))
        {
            var words = CopyWords(copy);
            if (words.Count < 2 || Workdirs.At(stage, copy) is not { } at || Workdirs.Combine(at, words[^1]) is not { } destination)
            {
                continue;
            }

            foreach (var source in words.Take(words.Count - 1))
            {
                var trimmed = source.Trim('/');
                var normalised = trimmed is "." or "" ? string.Empty : trimmed.StartsWith("./", StringComparison.Ordinal) ? trimmed[2..] : trimmed;
                if (destination == root && (normalised.Length == 0 || context.BuildContext.FileExists(Join(normalised, "Cargo.toml"))))
                {
                    return normalised;
                }

                if (normalised == "Cargo.toml" && (destination == root || destination == root + "/Cargo.toml"))
                {
                    return string.Empty;
                }
            }
        }

        return null;
    }

    private static InstructionSyntax? SourceCopy(StageModel stage) =>
        stage.Instructions.LastOrDefault(i => i.Kind is InstructionKind.Copy or InstructionKind.Add && i.GetFlag("from") is null);

    private static List<string> CopyWords(InstructionSyntax copy) => copy.Arguments switch
    {
        WordArguments { Words.Length: >= 2 } list => [.. list.Words.Select(w => w.Value)],
        ExecFormArguments { Elements.Length: >= 2 } exec => [.. exec.Elements.Select(e => e.Value)],
        _ => [],
    };

    // The build's flags, its target triple and whether it installs; the binary it names with --bin.
    private static BuildShape BuildOf(PassContext context, StageCommand? build, StartCommand start, string root)
    {
        if (build is null)
        {
            return start.Target is { } runTarget && !RustFacts.IsLinuxTarget(runTarget)
                ? BuildShape.Declined($"cargo run builds for {runTarget}, not a Linux binary a runtime image runs")
                : new BuildShape(null, start.Bin, start.Target, false);
        }

        var tool = build.Tool;
        var line = context.UserLine(build.Instruction);
        var isInstall = tool.Positionals.First().Value == "install";
        var words = tool.Arguments.Select(w => w.Value!).Skip(1).ToList();
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            var flag = word.Contains('=', StringComparison.Ordinal) && word.StartsWith("--", StringComparison.Ordinal) ? word[..word.IndexOf('=', StringComparison.Ordinal)] : word;
            if (!RustFacts.NeutralBuildFlags.TryGetValue(flag, out var values))
            {
                return BuildShape.Declined($"'{tool}' (line {line}) has '{word}', whose effect on which binary is built and where it lands is not known");
            }

            i += flag == word ? values : 0;
        }

        if (!isInstall && !tool.HasFlag("--release") && !tool.HasFlag("-r"))
        {
            return BuildShape.Declined($"'{tool}' (line {line}) is a debug build; the split copies release builds only");
        }

        if (isInstall && tool.FlagValues("--path").FirstOrDefault() is var path && (path is null || Workdirs.Combine(root, path) != root))
        {
            return BuildShape.Declined($"'{tool}' (line {line}) installs a crate other than the one in {root}");
        }

        var target = tool.FlagValues("--target").FirstOrDefault();
        if (target is not null && !RustFacts.IsLinuxTarget(target))
        {
            return BuildShape.Declined($"'{tool}' (line {line}) builds for {target}, not a Linux binary a runtime image runs");
        }

        var bin = tool.FlagValues("--bin").FirstOrDefault();
        if (start.Bin is { } runBin && bin is not null && runBin != bin)
        {
            return BuildShape.Declined($"the build makes {bin}, and cargo run starts {runBin}");
        }

        return new BuildShape(null, bin, target, isInstall);
    }

    // What the binary needs at run time: from the apt packages the stage installs and the native crates in Cargo.lock.
    private static RuntimeNeeds Needs(PassContext context, CargoManifest manifest, string folder, StageFacts facts, bool musl)
    {
        if (manifest.BuildScript is { } script)
        {
            var text = context.BuildContext.ReadText(script);
            if (text is null)
            {
                return RuntimeNeeds.Declined($"{manifest.Path} names the build script {script}, which is not in the build context, so what it links is unknown");
            }

            if (RustFacts.BuildScriptLinkMarkers.FirstOrDefault(m => text.Contains(m, StringComparison.Ordinal)) is { } marker)
            {
                return RuntimeNeeds.Declined($"the build script {script} links native code ({marker}), so which shared libraries the binary needs is unknown");
            }
        }

        var needs = new List<RuntimeNeed>();
        var evidence = new List<string>();
        var crates = CargoManifest.LockedCrates(context.BuildContext, folder);
        if (crates is null && manifest.HasDependencies)
        {
            return RuntimeNeeds.Declined($"there is no Cargo.lock beside {manifest.Path}, so which native libraries its dependencies link is unknown");
        }

        foreach (var crate in (crates ?? []).Order(StringComparer.Ordinal))
        {
            if (RustFacts.NeedOfCrate.TryGetValue(crate, out var need))
            {
                if (need != RuntimeNeed.None && !(RustFacts.VendoredBy.TryGetValue(crate, out var vendored) && crates!.Contains(vendored)))
                {
                    needs.Add(need);
                    evidence.Add($"{crate} in Cargo.lock");
                }
            }
            else if (crate.EndsWith("-sys", StringComparison.Ordinal))
            {
                return RuntimeNeeds.Declined($"Cargo.lock has {crate}, a crate that may link a system library the split does not know");
            }
        }

        var packages = new List<string>();
        foreach (var package in facts.InstalledPackages)
        {
            if (RustFacts.NeedOfAptPackage.TryGetValue(package, out var need))
            {
                needs.Add(need);
                evidence.Add($"apt {package}");
            }
            else if (RustFacts.BuildOnlyAptPackages.Contains(package))
            {
                continue;
            }
            else if (package.EndsWith("-dev", StringComparison.Ordinal))
            {
                return RuntimeNeeds.Declined($"which runtime library the build dependency {package} links is unknown");
            }
            else
            {
                packages.Add(package);
                evidence.Add($"apt {package}");
            }
        }

        var libraries = needs.Where(n => n is not (RuntimeNeed.CaCertificates or RuntimeNeed.Tzdata)).Distinct().ToList();
        if (musl && (libraries.Count > 0 || packages.Count > 0))
        {
            return RuntimeNeeds.Declined($"the musl build links {string.Join(", ", libraries.Select(l => l.ToString()).Concat(packages))}, which a static runtime image does not have");
        }

        var said = evidence.Count == 0 ? "; it links nothing beyond glibc (no native crates in Cargo.lock, no -dev packages installed)" : $"; what it needs at run time, from the evidence: {string.Join(", ", evidence.Distinct())}";
        return new RuntimeNeeds(null, [.. needs.Distinct()], [.. packages.Distinct()], musl ? string.Empty : said);
    }

    // cargo run's binary without --bin: default-run, or the crate's only binary.
    private static string? DefaultBinary(CargoManifest manifest) =>
        manifest.DefaultRun ?? (manifest.Binaries.Length == 1 ? manifest.Binaries[0] : null);

    private sealed record RunSorting(string? Decline, StageCommand? Build, InstructionSyntax? Last)
    {
        public static RunSorting Declined(string reason) => new(reason, null, null);
    }

    private sealed record RuntimeNeeds(string? Decline, ImmutableArray<RuntimeNeed> Needs, ImmutableArray<string> Packages, string Evidence)
    {
        public static RuntimeNeeds Declined(string reason) => new(reason, [], [], string.Empty);
    }

    /// <summary>How the stage builds: the binary --bin names, the target triple, and whether cargo install puts it on PATH.</summary>
    private sealed record BuildShape(string? Decline, string? Name, string? Target, bool IsInstall)
    {
        public static BuildShape Declined(string reason) => new(reason, null, null, false);

        public bool IsMusl => Target is { } target && RustFacts.IsMuslTarget(target);

        /// <summary>Where the binary lands: below <paramref name="root"/>, or relative to it when null.</summary>
        public string Location(string? root, string name)
        {
            if (IsInstall)
            {
                return $"{RustFacts.CargoInstallBin}/{name}";
            }

            var relative = Target is null ? $"target/release/{name}" : $"target/{Target}/release/{name}";
            return root is null ? relative : $"{root}/{relative}";
        }
    }

    /// <summary>What the container starts: the binary (by path, or by name when cargo install put it on PATH) or cargo run.</summary>
    private sealed record StartCommand(
        InstructionSyntax Instruction,
        string Text,
        ImmutableArray<string> Words,
        string? Decline,
        string? Development,
        bool IsCargoRun,
        bool IsRelease,
        string? Bin,
        string? Target,
        ImmutableArray<string> CarriedFlags,
        ImmutableArray<string> Arguments)
    {
        public static StartCommand? Read(PassContext context, StageModel stage)
        {
            var entrypoint = stage.Last(InstructionKind.Entrypoint);
            var cmd = stage.Last(InstructionKind.Cmd);
            if ((entrypoint is null) == (cmd is null))
            {
                return null;
            }

            var instruction = (entrypoint ?? cmd)!;
            if (StartCommandWords.Of(instruction) is not { IsEmpty: false } words)
            {
                return null;
            }

            var text = string.Join(' ', words);
            if (words[0] != "cargo")
            {
                return new StartCommand(instruction, text, words, null, null, false, true, null, null, [], words[1..]);
            }

            var verb = words.Length > 1 ? words[1] : string.Empty;
            if (RustFacts.DevelopmentCommands.FirstOrDefault(d => d.Subcommand == verb) is { Why: { } why })
            {
                return new StartCommand(instruction, text, words, null, $"line {context.UserLine(instruction)} runs 'cargo {verb}', {why}: a development or test image has no runtime to split off", false, false, null, null, [], []);
            }

            if (verb != "run")
            {
                return new StartCommand(instruction, text, words, $"the start command '{text}' is not cargo run or the built binary, so what the runtime needs is unknown", null, false, false, null, null, [], []);
            }

            var carried = new List<string>();
            string? bin = null;
            string? target = null;
            var release = false;
            var rest = words[2..];
            for (var i = 0; i < rest.Length; i++)
            {
                var word = rest[i];
                if (word == "--")
                {
                    return new StartCommand(instruction, text, words, null, null, true, release, bin, target, [.. carried], rest[(i + 1)..]);
                }

                if (!RustFacts.NeutralBuildFlags.TryGetValue(word, out var values) || word == "--path" || i + values >= rest.Length)
                {
                    return new StartCommand(instruction, text, words, $"'cargo run {word}' has no known equivalent for a built binary", null, true, false, null, null, [], []);
                }

                release |= word is "--release" or "-r";
                bin = word == "--bin" ? rest[i + 1] : bin;
                target = word == "--target" ? rest[i + 1] : target;
                if (word is not ("--release" or "-r"))
                {
                    carried.Add(values == 0 ? word : word + " " + rest[i + 1]);
                }

                i += values;
            }

            return new StartCommand(instruction, text, words, null, null, true, release, bin, target, [.. carried], []);
        }

        /// <summary>The binary's name when the command runs the build's output by path (or by name on PATH after cargo install).</summary>
        public string? BinaryName(StageModel stage, BuildShape build, string root)
        {
            if (IsCargoRun)
            {
                return null;
            }

            var program = Words[0];
            var slash = program.LastIndexOf('/');
            var name = program[(slash + 1)..];
            if (name.Length == 0)
            {
                return null;
            }

            if (build.IsInstall && slash < 0)
            {
                return name;
            }

            var full = slash < 0 ? null : Workdirs.At(stage, Instruction) is { } at ? Workdirs.Combine(at, program) : null;
            return full == build.Location(root, name) ? name : null;
        }
    }
}