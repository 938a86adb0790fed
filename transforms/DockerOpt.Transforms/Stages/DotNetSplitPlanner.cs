using System.Collections.Immutable;
using System.Globalization;

using DockerOpt.Core.Editing;
using DockerOpt.Core.Images;
using DockerOpt.Core.Model;
using DockerOpt.Core.Passes;
using DockerOpt.Core.Shell.Commands;
using DockerOpt.Syntax;
using DockerOpt.Transforms.Ecosystems;
using DockerOpt.Transforms.ExecForm;

namespace DockerOpt.Transforms.Stages;

/// <summary>
/// Splits a single .NET SDK stage: the stage stays the builder and publishes (<c>dotnet publish -c Release -o /app</c>
/// when it does not already), and the runtime stage is the aspnet (web SDK) or runtime image of the project's
/// TargetFramework with the publish output only, started with <c>dotnet App.dll</c> (never <c>dotnet run</c>: no SDK and
/// no source in the runtime), as the images' own non-root user from .NET 8 on. Everything it needs to know is read from
/// the project file in the build context; when that evidence is missing or ambiguous it declines and says which.
/// </summary>
public sealed class DotNetSplitPlanner : IStageSplitPlanner
{
    private DotNetSplitPlanner()
    {
    }

    public static DotNetSplitPlanner Instance { get; } = new();

    public SplitPlan Plan(PassContext context, StageModel stage, StageFacts facts)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(facts);
        var image = ImageReference.Parse(stage.ResolvedBaseText ?? stage.BaseText);
        if (image.Name != DotNetFacts.SdkImageName)
        {
            return SplitPlan.Declined($"'{stage.BaseText}' is a .NET runtime image, not the SDK, so the stage does not build .NET code");
        }

        if (image.IsDigestPinned)
        {
            return SplitPlan.Declined($"'{stage.BaseText}' is pinned by digest, and the matching runtime image's digest cannot be known without a registry");
        }

        foreach (var command in facts.Commands)
        {
            if (DotNetFacts.DevelopmentCommands.FirstOrDefault(d => command.Tool.Matches(d.Command)) is { Command: { } pattern, Why: { } why })
            {
                return SplitPlan.Declined($"line {context.UserLine(command.Instruction)} runs '{pattern}', {why}: a development or test image has no runtime to split off");
            }
        }

        if (!context.BuildContext.IsKnown)
        {
            return SplitPlan.Declined("no build context is known, so the project file (its SDK, TargetFramework and assembly name) cannot be read");
        }

        var runs = SortRuns(context, facts);
        if (runs.Decline is { } runDecline)
        {
            return SplitPlan.Declined(runDecline);
        }

        if (stage.Instructions.FirstOrDefault(i => i.Kind == InstructionKind.Healthcheck && i.Arguments is HealthcheckArguments { IsNone: false }) is { } health)
        {
            return SplitPlan.Declined($"HEALTHCHECK at line {context.UserLine(health)} needs a tool, and the .NET runtime images have no curl or wget");
        }

        if (StartCommand.Read(stage) is not { } start)
        {
            return SplitPlan.Declined("the start command is not one plain dotnet command (CMD or ENTRYPOINT, not both; no variables)");
        }

        if (start.Decline is { } startDecline)
        {
            return SplitPlan.Declined(startDecline);
        }

        var workdir = Workdirs.At(stage, start.Instruction);
        if (workdir is null || !workdir.StartsWith('/'))
        {
            return SplitPlan.Declined("the app starts without an absolute WORKDIR, so where its files are is unknown");
        }

        var source = SourceCopy(context, stage);
        if (source.Decline is { } sourceDecline)
        {
            return SplitPlan.Declined(sourceDecline);
        }

        var sourceRoot = source.Root!;
        var publish = runs.Publish;
        var projectFolder = publish is null ? workdir : Workdirs.At(stage, publish.Instruction);
        var projectSpec = publish is null ? start.Project : ProjectArgument(publish.Tool);
        var located = LocateProject(context, sourceRoot, projectFolder, projectSpec, publish is null ? "dotnet run" : "dotnet publish");
        if (located.Decline is { } locateDecline)
        {
            return SplitPlan.Declined(locateDecline);
        }

        var project = DotNetProject.Read(context.BuildContext, located.ContextPath!);
        if (project is null)
        {
            return SplitPlan.Declined($"{located.ContextPath} is not a readable project file (XML)");
        }

        var app = ReadApp(project);
        if (app.Decline is { } appDecline)
        {
            return SplitPlan.Declined(appDecline);
        }

        var notes = new List<Finding>();
        var tag = image.Tag;
        var sdkVersion = DotNetFacts.TagVersion(tag);
        if (sdkVersion is null)
        {
            return SplitPlan.Declined($"the SDK image's tag '{tag ?? "latest"}' names no version, so whether it matches {app.TargetFramework} ({project.Path}) is unknown");
        }

        if (sdkVersion != app.Version)
        {
            var consequence = string.CompareOrdinal(Pad(sdkVersion), Pad(app.Version!)) < 0
                ? $"SDK {sdkVersion} cannot build {app.TargetFramework}"
                : $"the SDK {sdkVersion} image has no {app.Version} runtime to run it, and its defaults (port, user) are {sdkVersion}'s";
            notes.Add(PassContext.At(MultiStageId, stage.From, FindingKind.Advice,
                $"the SDK image '{stage.BaseText}' does not match the TargetFramework {app.TargetFramework} of {project.Path}: {consequence}; use the SDK {app.Version} image"));
            return SplitPlan.Declined($"the SDK image ({sdkVersion}) and the TargetFramework ({app.TargetFramework}) disagree, so the runtime image is not clear (see the advice)", notes);
        }

        var variant = DotNetFacts.TagVariant(tag!);
        if (DotNetFacts.VariantsWithoutRuntimeImage.FirstOrDefault(v => variant.Contains(v, StringComparison.OrdinalIgnoreCase)) is { } odd)
        {
            return SplitPlan.Declined($"the SDK tag '{tag}' is a {odd} variant, which has no {app.RuntimeImageName} image of the same name");
        }

        var output = PublishOutput(stage, publish, sourceRoot);
        if (output.Decline is { } outputDecline)
        {
            return SplitPlan.Declined(outputDecline);
        }

        var builderEdits = new List<TextEdit>();
        if (publish is null)
        {
            var anchor = runs.Last is { } last && last.Span.Start > source.Copy!.Span.Start ? last : source.Copy!;
            var anchorWorkdir = Workdirs.At(stage, anchor);
            if (anchorWorkdir is null || !anchorWorkdir.StartsWith('/'))
            {
                return SplitPlan.Declined("the build runs without an absolute WORKDIR, so where dotnet publish would run is unknown");
            }

            var projectArgument = located.FoundInFolder && located.ImageFolder == anchorWorkdir ? null : RelativeTo(anchorWorkdir, located.ImagePath!);
            var command = $"dotnet publish{(projectArgument is null ? string.Empty : " " + projectArgument)} -c Release -o {output.Folder}";
            builderEdits.Add(InstructionEdits.InsertAfter(context.Syntax, anchor, context.Style, Format(context, "RUN", command)));
        }
        else if (start.Dll is { } dll && Workdirs.Combine(workdir, dll) != output.Folder + "/" + app.Assembly + ".dll")
        {
            return SplitPlan.Declined($"the start command runs {dll}, which is not {app.Assembly}.dll in the publish output {output.Folder}");
        }

        var runtimeImage = image.WithPath(image.Path[..^DotNetFacts.SdkImageName.Length] + app.RuntimeImageName).WithTag(app.Version + variant).Text;
        var block = new List<string> { Format(context, "COPY", $"--from=build {output.Folder} .") };
        var addsUser = stage.Last(InstructionKind.User) is null && app.Major >= DotNetFacts.NonRootUserSinceMajor;
        if (addsUser)
        {
            block.Add(Format(context, "USER", DotNetFacts.NonRootUser));
        }
        else if (stage.Last(InstructionKind.User) is null)
        {
            notes.Add(PassContext.At(MultiStageId, stage.From, FindingKind.Declined,
                $"the runtime stage gets no USER: the {app.RuntimeImageName}:{app.Version} image has no non-root user (its app user, uid 1654, comes with .NET {DotNetFacts.NonRootUserSinceMajor})"));
        }

        var keyword = start.Dll is null ? "ENTRYPOINT" : start.Instruction.Keyword.Text;
        var entry = Format(context, keyword, JsonArrayWriter.Write(["dotnet", app.Assembly + ".dll", .. start.Arguments], JsonArrayWriter.SeparatorOf(context.Syntax)));
        var runtime = RuntimeStageLines.Write(context, stage, Format(context, "FROM", runtimeImage), start.Instruction, block, _ => false, entry);
        if (start.Dll is null && !start.NoLaunchProfile && context.BuildContext.FileExists(Combine(located.ContextFolder!, DotNetFacts.LaunchSettings)))
        {
            notes.Add(PassContext.At(MultiStageId, start.Instruction, FindingKind.Advice,
                $"dotnet run applied the launch profile in {Combine(located.ContextFolder!, DotNetFacts.LaunchSettings)} (its environment variables and applicationUrl); "
                + $"dotnet {app.Assembly}.dll does not, so set what the container needs with ENV (ASPNETCORE_HTTP_PORTS or ASPNETCORE_URLS, ASPNETCORE_ENVIRONMENT)"));
        }

        var how = start.Dll is null
            ? $"started with ENTRYPOINT dotnet {app.Assembly}.dll instead of dotnet run (a Release build; no SDK, source or launch profile in the image; arguments given to docker run now go to the app)"
            : $"started with dotnet {app.Assembly}.dll as before";
        return new SplitPlan(
            null,
            builderEdits,
            runtime,
            $"split into a builder ({(publish is null ? $"dotnet publish -c Release -o {output.Folder} added" : "its dotnet publish")}) and a {runtimeImage} runtime stage with the publish output only "
            + $"({project.Path}: {project.Sdk}, {app.TargetFramework}), {how}"
            + (addsUser ? $", running as {DotNetFacts.NonRootUser} (the image's app user, uid 1654)" : string.Empty)
            + "; files the app reads at run time must be in the publish output",
            notes);
    }

    private const string MultiStageId = "multi-stage";

    // 8.0 → 08.0, 10.0 → 10.0: versions compare as text once the major has two digits.
    private static string Pad(string version) => version.Split('.')[0].PadLeft(2, '0') + "." + version.Split('.')[1];

    private static string Combine(string folder, string path) => folder.Length == 0 ? path : folder + "/" + path;

    // A path as a dotnet command in `workdir` names it: relative below the workdir, absolute elsewhere.
    private static string RelativeTo(string workdir, string path) =>
        path.StartsWith(workdir.TrimEnd('/') + "/", StringComparison.Ordinal) ? path[(workdir.TrimEnd('/').Length + 1)..] : path;

    private static string Format(PassContext context, string keyword, string arguments) => InstructionEdits.Format(context.Style, keyword, arguments);

    // The RUNs: dotnet restores and builds (at most one publish); apt, other tools and other ecosystems' tools decline.
    private static RunSorting SortRuns(PassContext context, StageFacts facts)
    {
        StageCommand? publish = null;
        InstructionSyntax? last = null;
        foreach (var command in facts.Commands.Where(c => c.Instruction.Kind == InstructionKind.Run))
        {
            var line = context.UserLine(command.Instruction);
            var recognised = EcosystemCommand.Recognise(command.Tool);
            if (recognised is not null && recognised.Ecosystem != EcosystemTable.DotNet)
            {
                return new RunSorting($"line {line} runs {recognised.Ecosystem.Name} tooling too", null, null);
            }

            if (recognised is not null)
            {
                if (!command.Tool.Arguments.All(w => w.IsStatic))
                {
                    return new RunSorting($"line {line} runs '{command.Tool}' with variables, so what it builds is unknown", null, null);
                }

                if (recognised.Pattern.Words.SequenceEqual(["publish"]))
                {
                    if (publish is not null)
                    {
                        return new RunSorting($"the stage runs dotnet publish twice (lines {context.UserLine(publish.Instruction)} and {line}), so which output is the app is unclear", null, null);
                    }

                    publish = command;
                }

                last = command.Instruction;
                continue;
            }

            if (command.Tool.Program is "rm" or "true")
            {
                continue;
            }

            return command.Tool.Program is "apt-get" or "apt" or "apk"
                ? new RunSorting($"line {line} installs system packages, which the runtime image would need too and does not have", null, null)
                : new RunSorting($"line {line} runs '{command.Tool}', and whether the runtime needs what it makes is unknown", null, null);
        }

        return new RunSorting(null, publish, last);
    }

    // The word after `dotnet publish` that names a project, solution or folder (flags and their values skipped), or null.
    private static string? ProjectArgument(ToolInvocation tool)
    {
        var withValues = PackageManagerFacts.Dotnet.OptionsWithValue.ToHashSet(StringComparer.Ordinal);
        var positionals = new List<string>();
        for (var i = 0; i < tool.Arguments.Length; i++)
        {
            var value = tool.Arguments[i].Value ?? string.Empty;
            if (value.StartsWith('-') || value.StartsWith("/p:", StringComparison.OrdinalIgnoreCase))
            {
                i += withValues.Contains(value) ? 1 : 0;
                continue;
            }

            positionals.Add(value);
        }

        return positionals.Count > 1 ? positionals[1] : null;
    }

    // The copy of the whole context (COPY . DIR) and where it lands; any other copy is only of project files.
    private static SourceCopying SourceCopy(PassContext context, StageModel stage)
    {
        InstructionSyntax? whole = null;
        string? root = null;
        foreach (var copy in stage.Instructions.Where(i => i.Kind is InstructionKind.Copy or InstructionKind.Add))
        {
            var words = copy.Arguments switch
            {
                WordArguments { Words.Length: >= 2 } list => list.Words.Select(w => w.Value).ToList(),
                ExecFormArguments { Elements.Length: >= 2 } exec => exec.Elements.Select(e => e.Value).ToList(),
                _ => [],
            };
            if (words.Count < 2)
            {
                return new SourceCopying($"the copy at line {context.UserLine(copy)} cannot be read", null, null);
            }

            var sources = words.Take(words.Count - 1).ToList();
            if (sources.Any(s => s is "." or "./"))
            {
                if (whole is not null || sources.Count > 1)
                {
                    return new SourceCopying("the stage copies the context more than once, so where the project is cannot be matched to the context files", null, null);
                }

                whole = copy;
                root = Workdirs.At(stage, copy) is { } at ? Workdirs.Combine(at, words[^1]) : null;
                continue;
            }

            if (!sources.All(IsProjectFile))
            {
                return new SourceCopying($"line {context.UserLine(copy)} copies files ({string.Join(", ", sources)}) besides the source, which the runtime stage would not have", null, null);
            }
        }

        if (whole is null)
        {
            return new SourceCopying("the stage does not copy the whole context (COPY . DIR), so its project cannot be matched to the context files", null, null);
        }

        return root is null || !root.StartsWith('/')
            ? new SourceCopying("the source is copied without an absolute destination, so where the project lands is unknown", null, null)
            : new SourceCopying(null, whole, root);
    }

    private static bool IsProjectFile(string path)
    {
        var name = path.TrimEnd('/');
        name = name[(name.LastIndexOf('/') + 1)..];
        return EcosystemTable.DotNet.Manifests.Any(m => m.Matches(name)) || DotNetFacts.ProjectExtensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase));
    }

    // The project dotnet run/publish builds: the one it names, or the only project in its folder.
    private static ProjectLocation LocateProject(PassContext context, string sourceRoot, string? folder, string? spec, string tool)
    {
        if (folder is null || !folder.StartsWith('/'))
        {
            return ProjectLocation.Declined($"{tool} runs without an absolute WORKDIR, so which project it builds is unknown");
        }

        var target = spec is null ? folder : Workdirs.Combine(folder, spec);
        if (target is null)
        {
            return ProjectLocation.Declined($"the project '{spec}' is named with variables");
        }

        var isFile = DotNetFacts.ProjectExtensions.Any(e => target.EndsWith(e, StringComparison.OrdinalIgnoreCase));
        if (!isFile && DotNetFacts.SolutionExtensions.Any(e => target.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
        {
            return ProjectLocation.Declined($"{tool} builds the solution {spec}, so which of its projects is the app is unclear");
        }

        var imageFolder = isFile ? target[..target.LastIndexOf('/')] : target;
        var root = sourceRoot.TrimEnd('/');
        string? contextFolder = imageFolder == sourceRoot || imageFolder == root ? string.Empty
            : imageFolder.StartsWith(root + "/", StringComparison.Ordinal) ? imageFolder[(root.Length + 1)..] : null;
        if (contextFolder is null)
        {
            return ProjectLocation.Declined($"the project folder {imageFolder} is outside the copied source {sourceRoot}");
        }

        var where = contextFolder.Length == 0 ? "the root of the build context" : $"'{contextFolder}/' of the build context";
        if (isFile)
        {
            var path = Combine(contextFolder, target[(target.LastIndexOf('/') + 1)..]);
            return context.BuildContext.FileExists(path)
                ? new ProjectLocation(null, path, contextFolder, target, imageFolder, false)
                : ProjectLocation.Declined($"the project {path} that {tool} builds is not in the build context");
        }

        var files = context.BuildContext.ListDirectory(contextFolder).Where(n => context.BuildContext.FileExists(Combine(contextFolder, n))).ToList();
        var projects = files.Where(n => DotNetFacts.ProjectExtensions.Any(e => n.EndsWith(e, StringComparison.OrdinalIgnoreCase))).ToList();
        var solutions = files.Where(n => DotNetFacts.SolutionExtensions.Any(e => n.EndsWith(e, StringComparison.OrdinalIgnoreCase))).ToList();
        if (projects.Count == 0)
        {
            return ProjectLocation.Declined($"there is no project file (.csproj) in {where}, where {tool} looks for it"
                + (solutions.Count > 0 ? $" (only {string.Join(", ", solutions)}, whose entry project is unclear)" : string.Empty));
        }

        if (projects.Count + solutions.Count > 1)
        {
            return ProjectLocation.Declined($"{where} holds several project or solution files ({string.Join(", ", projects.Concat(solutions))}), so which one is the app is unclear");
        }

        return new ProjectLocation(null, Combine(contextFolder, projects[0]), contextFolder, imageFolder.TrimEnd('/') + "/" + projects[0], imageFolder, true);
    }

    // The app's runtime image, TargetFramework and assembly name from the project, or why they cannot be known.
    private static AppFacts ReadApp(DotNetProject project)
    {
        if (project.Sdk is null)
        {
            return AppFacts.Declined($"{project.Path} names no SDK (Project Sdk=\"...\"), so which runtime it needs is unknown");
        }

        if (!DotNetFacts.RuntimeImageBySdk.TryGetValue(project.Sdk, out var runtimeImage))
        {
            return AppFacts.Declined($"{project.Path} uses the SDK {project.Sdk}, which has no known runtime image");
        }

        var framework = project.Property("TargetFramework");
        if (framework is null && project.Property("TargetFrameworks") is { } several)
        {
            var list = several == DotNetProject.Unknown ? [] : several.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (list.Length != 1)
            {
                return AppFacts.Declined($"{project.Path} targets several frameworks ({(list.Length == 0 ? "set under a condition" : string.Join(", ", list))}), so which runtime to ship is unclear");
            }

            framework = list[0];
        }

        if (framework is null || framework == DotNetProject.Unknown)
        {
            return AppFacts.Declined($"{project.Path} {(framework is null ? "names no TargetFramework" : "sets its TargetFramework under a condition or from a property")}, so the runtime version is unknown");
        }

        if (!DotNetFacts.ImageVersionByTargetFramework.TryGetValue(framework, out var version))
        {
            return AppFacts.Declined($"no runtime image is known for the TargetFramework {framework} of {project.Path}");
        }

        if (!DotNetFacts.AppByDefaultSdks.Contains(project.Sdk, StringComparer.OrdinalIgnoreCase)
            && !DotNetFacts.AppOutputTypes.Contains(project.Property("OutputType") ?? "Library", StringComparer.OrdinalIgnoreCase))
        {
            return AppFacts.Declined($"{project.Path} is a library (no OutputType Exe), so there is no app to start");
        }

        foreach (var (property, why) in DotNetFacts.NotFrameworkDependent)
        {
            if (project.Property(property) is { } value && !value.Equals("false", StringComparison.OrdinalIgnoreCase))
            {
                return AppFacts.Declined($"{project.Path} sets {property}: {why}");
            }
        }

        var assembly = project.Property("AssemblyName") ?? project.FileStem;
        if (assembly == DotNetProject.Unknown || assembly.Length == 0 || assembly.IndexOfAny(['/', '\\', '"', '$']) >= 0)
        {
            return AppFacts.Declined($"{project.Path} sets its AssemblyName under a condition or from a property, so the name of the dll to start is unknown");
        }

        var major = int.Parse(version.Split('.')[0], CultureInfo.InvariantCulture);
        return new AppFacts(null, runtimeImage, framework, version, major, assembly);
    }

    // Where the publish output is: the stage's own publish -o, or a folder outside the source for the added publish.
    private static PublishFolder PublishOutput(StageModel stage, StageCommand? publish, string sourceRoot)
    {
        if (publish is null)
        {
            return DotNetFacts.PublishFolders.FirstOrDefault(f => !Overlaps(f, sourceRoot)) is { } free
                ? new PublishFolder(null, free)
                : new PublishFolder($"the source at {sourceRoot} leaves no folder for the publish output", null);
        }

        if (DotNetFacts.SelfContainedPublishFlags.FirstOrDefault(publish.Tool.HasFlag) is { } flag)
        {
            return new PublishFolder($"'{publish.Tool}' publishes with {flag}, a runtime-specific output that needs runtime-deps, not dotnet App.dll", null);
        }

        if (publish.Tool.Arguments.Select(w => w.Value ?? string.Empty).FirstOrDefault(v => DotNetFacts.NotFrameworkDependent.Keys.Any(p => v.Contains(":" + p + "=", StringComparison.OrdinalIgnoreCase))) is { } property)
        {
            return new PublishFolder($"'{publish.Tool}' sets {property}, so its output is not a portable App.dll", null);
        }

        var value = publish.Tool.FlagValues("-o", "--output").FirstOrDefault();
        var folder = value is not null && Workdirs.At(stage, publish.Instruction) is { } at ? Workdirs.Combine(at, value) : null;
        if (folder is null || !folder.StartsWith('/'))
        {
            return new PublishFolder($"'{publish.Tool}' has no -o with a plain path under an absolute WORKDIR, so where its output lands is unknown", null);
        }

        return folder == sourceRoot || sourceRoot.StartsWith(folder.TrimEnd('/') + "/", StringComparison.Ordinal) || folder == "/"
            ? new PublishFolder($"'{publish.Tool}' publishes into the source folder, so its output cannot be copied alone", null)
            : new PublishFolder(null, folder.TrimEnd('/'));
    }

    private static bool Overlaps(string a, string b) =>
        a == "/" || b == "/" || a == b || a.StartsWith(b.TrimEnd('/') + "/", StringComparison.Ordinal) || b.StartsWith(a.TrimEnd('/') + "/", StringComparison.Ordinal);

    private sealed record RunSorting(string? Decline, StageCommand? Publish, InstructionSyntax? Last);

    private sealed record SourceCopying(string? Decline, InstructionSyntax? Copy, string? Root);

    private sealed record PublishFolder(string? Decline, string? Folder);

    private sealed record ProjectLocation(string? Decline, string? ContextPath, string? ContextFolder, string? ImagePath, string? ImageFolder, bool FoundInFolder)
    {
        public static ProjectLocation Declined(string reason) => new(reason, null, null, null, null, false);
    }

    private sealed record AppFacts(string? Decline, string? RuntimeImageName, string? TargetFramework, string? Version, int Major, string? Assembly)
    {
        public static AppFacts Declined(string reason) => new(reason, null, null, null, 0, null);
    }

    /// <summary>
    /// What the container starts: <c>dotnet run</c> (with the project it names and the arguments after <c>--</c>) or
    /// <c>dotnet App.dll</c> (the dll and its arguments).
    /// </summary>
    private sealed record StartCommand(InstructionSyntax Instruction, string? Decline, string? Project, string? Dll, ImmutableArray<string> Arguments, bool NoLaunchProfile)
    {
        public static StartCommand? Read(StageModel stage)
        {
            var entrypoint = stage.Last(InstructionKind.Entrypoint);
            var cmd = stage.Last(InstructionKind.Cmd);
            if ((entrypoint is null) == (cmd is null))
            {
                return null;
            }

            var instruction = (entrypoint ?? cmd)!;
            var words = StartCommandWords.Of(instruction);
            if (words is null)
            {
                return null;
            }

            if (words.Value.Length >= 2 && words.Value[0] == "dotnet" && words.Value[1].EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            {
                return new StartCommand(instruction, null, null, words.Value[1], words.Value[2..], true);
            }

            if (words.Value.Length < 2 || words.Value[0] != "dotnet" || words.Value[1] != "run")
            {
                return new StartCommand(instruction, $"the start command '{string.Join(' ', words.Value)}' is not dotnet run or dotnet App.dll, so what the runtime needs is unknown", null, null, [], false);
            }

            string? project = null;
            var noLaunchProfile = false;
            var rest = words.Value[2..];
            for (var i = 0; i < rest.Length; i++)
            {
                var word = rest[i];
                if (word == "--")
                {
                    return new StartCommand(instruction, null, project, null, rest[(i + 1)..], noLaunchProfile);
                }

                if (!DotNetFacts.RunBuildOptions.TryGetValue(word, out var values) || i + values >= rest.Length)
                {
                    return new StartCommand(instruction, $"'dotnet run {word}' has no known equivalent for a published app", null, null, [], false);
                }

                noLaunchProfile |= word == "--no-launch-profile";
                project = word == "--project" ? rest[i + 1] : project;
                i += values;
            }

            return new StartCommand(instruction, null, project, null, [], noLaunchProfile);
        }
    }
}