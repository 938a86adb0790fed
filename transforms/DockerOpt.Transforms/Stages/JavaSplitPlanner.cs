using System.Collections.Immutable;
using System.Text.RegularExpressions;

using DockerOpt.Core.Editing;
using DockerOpt.Core.Images;
using DockerOpt.Core.Model;
using DockerOpt.Core.Passes;
using DockerOpt.Core.Shell;
using DockerOpt.Core.Shell.Commands;
using DockerOpt.Syntax;
using DockerOpt.Transforms.Ecosystems;
using DockerOpt.Transforms.ExecForm;

namespace DockerOpt.Transforms.Stages;

/// <summary>
/// Splits a single Java stage that builds a jar with Maven or Gradle (<c>mvn package</c>, <c>gradle build</c>, their
/// wrappers) and starts it with <c>java -jar</c>: the stage stays the builder, and the runtime stage is the Eclipse
/// Temurin JRE of the builder's Java version and OS flavour with the one jar the start command runs, started in exec
/// form with the JVM options as the user wrote them. The jar is named by evidence: the path the start command gives,
/// or for a <c>target/*.jar</c> glob the name pom.xml gives it (finalName, or artifactId-version, for one project
/// whose plugins leave that jar alone). Without that evidence (an unknown JDK image, a WAR, a distribution, a
/// multi-module glob, a Gradle glob) it declines and says which.
/// </summary>
/// <remarks>
/// The builder is left as it is: the cache-mounts pass gives its mvn/gradle RUNs a cache mount on ~/.m2 or ~/.gradle,
/// and the non-root-user pass gives the runtime stage a system user (the Temurin images are Ubuntu or Alpine).
/// </remarks>
public sealed partial class JavaSplitPlanner : IStageSplitPlanner
{
    private const string MultiStageId = "multi-stage";

    private JavaSplitPlanner()
    {
    }

    public static JavaSplitPlanner Instance { get; } = new();

    public SplitPlan Plan(PassContext context, StageModel stage, StageFacts facts)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(facts);
        var image = ImageReference.Parse(stage.ResolvedBaseText ?? stage.BaseText);
        if (image.HasVariables)
        {
            return SplitPlan.Declined($"the base image '{stage.BaseText}' is named with variables, so its Java version is unknown");
        }

        if (image.IsDigestPinned)
        {
            return SplitPlan.Declined($"'{stage.BaseText}' is pinned by digest, and the matching JRE image's digest cannot be known without a registry");
        }

        if (stage.From.GetFlag("platform") is { } platform)
        {
            return SplitPlan.Declined($"FROM {platform.Text} sets the image's platform, which a runtime stage without it would not keep");
        }

        var (runtimeImage, imageDecline) = JavaFacts.RuntimeImageFor(image);
        if (imageDecline is not null)
        {
            return SplitPlan.Declined(imageDecline);
        }

        var runs = SortRuns(context, facts);
        if (runs.Decline is { } runDecline)
        {
            return SplitPlan.Declined(runDecline);
        }

        if (runs.Build is not { } build)
        {
            return SplitPlan.Declined("the stage fetches dependencies but builds no jar (mvn package, gradle build): there is nothing to copy");
        }

        if (stage.Instructions.FirstOrDefault(i => i.Kind == InstructionKind.Healthcheck && i.Arguments is HealthcheckArguments { IsNone: false }) is { } health)
        {
            return SplitPlan.Declined($"HEALTHCHECK at line {context.UserLine(health)} may use a tool of the build image, which the JRE image does not have");
        }

        if (stage.Last(InstructionKind.User) is { } user && !(user.Arguments is WordArguments { Words: [var who] } && who.Value.Split(':').All(p => p.Length > 0 && p.All(char.IsAsciiDigit))))
        {
            return SplitPlan.Declined($"USER at line {context.UserLine(user)} names a user of the build image, which the JRE image does not have");
        }

        var start = StartCommand.Read(context, stage);
        if (start.Decline is { } startDecline)
        {
            return SplitPlan.Declined(startDecline);
        }

        var root = Workdirs.At(stage, build.Instruction);
        var startFolder = Workdirs.At(stage, start.Instruction!);
        if (root is null || !root.StartsWith('/') || startFolder is null || !startFolder.StartsWith('/'))
        {
            return SplitPlan.Declined("the build or the app runs without an absolute WORKDIR, so where the jar is is unknown");
        }

        var output = JavaFacts.OutputFolders[build.Tool.Program];
        var jar = start.Jar!.Contains('*', StringComparison.Ordinal)
            ? JarFromPom(context, stage, build, root, startFolder, start.Jar)
            : JarFromPath(build, root, startFolder, start.Jar, output);
        if (jar.Decline is { } jarDecline)
        {
            return SplitPlan.Declined(jarDecline);
        }

        if (start.Options.FirstOrDefault(o => ReadsSource(o, root)) is { } option)
        {
            return SplitPlan.Declined($"the JVM option '{option}' names a file of the build, which the runtime stage would not have");
        }

        var builtAt = jar.Path!;
        var name = builtAt[(builtAt.LastIndexOf('/') + 1)..];
        var runAt = startFolder.TrimEnd('/') + "/" + name;
        var block = new List<string> { Format(context, "COPY", $"--from=build {builtAt} {runAt}") };
        var separator = JsonArrayWriter.SeparatorOf(context.Syntax);
        // The jar lands in the WORKDIR the command runs in, which the runtime stage repeats: a relative jar stays relative.
        var jarWord = start.Jar!.StartsWith('/') ? runAt : name;
        var command = Format(context, start.Instruction!.Keyword.Text, JsonArrayWriter.Write([start.Java!, .. start.Options, "-jar", jarWord, .. start.Arguments], separator));
        if (start.KeptCmd is { } cmd)
        {
            command = string.Concat(command, context.Style.NewLine, context.Text.AsSpan(cmd.Span.Start, cmd.Span.Length));
        }

        var runtime = RuntimeStageLines.Write(context, stage, Format(context, "FROM", runtimeImage!), build.Instruction, block, _ => false, command);
        var how = start.WasShellForm
            ? $"started in exec form ({start.Instruction.KeywordUpper} [\"java\", ...]: java gets the stop signal, no shell in between)"
            : "started as before";
        return new SplitPlan(
            null,
            [],
            runtime,
            $"split into a builder (its '{build.Tool}') and a runtime stage on {runtimeImage} (the JRE of the builder's Java version and OS) with {name} only ({jar.Evidence}), "
            + $"{how}{(start.Options.IsEmpty ? string.Empty : ", JVM options as written")}; files the app reads at run time outside the jar must be copied");
    }

    private static string Format(PassContext context, string keyword, string arguments) => InstructionEdits.Format(context.Style, keyword, arguments);

    // A -D value (or the agent of -javaagent) that is a path into the copied source, or a relative path: the runtime has neither.
    private static bool ReadsSource(string option, string root)
    {
        if (!option.StartsWith("-D", StringComparison.Ordinal) || option.IndexOf('=', StringComparison.Ordinal) is not (var at and > 0))
        {
            return false;
        }

        var value = option[(at + 1)..];
        value = value.StartsWith("file:", StringComparison.Ordinal) ? value[5..] : value;
        return value.Contains('/', StringComparison.Ordinal) && !value.Contains(':', StringComparison.Ordinal)
            && (!value.StartsWith('/') || value == root || value.StartsWith(root.TrimEnd('/') + "/", StringComparison.Ordinal));
    }

    // The jar the start command names by path: it must be in an output folder of the build (target/, build/libs/) below where it runs.
    private static JarChoice JarFromPath(StageCommand build, string root, string startFolder, string jar, string output)
    {
        if (Workdirs.Combine(startFolder, jar) is not { } path || !path.EndsWith(".jar", StringComparison.Ordinal))
        {
            return JarChoice.Declined($"the start command runs '{jar}', which is not a jar file");
        }

        var folder = path[..path.LastIndexOf('/')];
        if (!folder.StartsWith(root.TrimEnd('/') + "/", StringComparison.Ordinal) || !(folder.EndsWith("/" + output, StringComparison.Ordinal)))
        {
            return JarChoice.Declined($"the start command runs {path}, which is not in the {output}/ folder where '{build.Tool}' (in {root}) puts its jar");
        }

        return new JarChoice(null, path, "named by the start command");
    }

    // target/*.jar: the one jar pom.xml names, when the project is one module whose plugins leave that jar alone.
    private static JarChoice JarFromPom(PassContext context, StageModel stage, StageCommand build, string root, string startFolder, string jar)
    {
        var glob = Workdirs.Combine(startFolder, jar);
        if (build.Tool.Program != "mvn")
        {
            return JarChoice.Declined($"the start command runs '{jar}', and which jar that is cannot be named safely: Gradle names it from settings.gradle, the version and the plugins (Spring Boot adds a -plain.jar beside it); name the jar in the start command");
        }

        if (build.Tool.HasFlag("-P") || build.Tool.HasFlag("--activate-profiles") || build.Tool.Arguments.Any(a => a.Value is { } v && v.StartsWith("-P", StringComparison.Ordinal)))
        {
            return JarChoice.Declined($"'{build.Tool}' activates a profile, which may change the jar's name pom.xml gives");
        }

        if (!context.BuildContext.IsKnown)
        {
            return JarChoice.Declined($"no build context is known, so which jar '{jar}' is cannot be read from pom.xml");
        }

        if (ContextFolderOf(context, stage, root, "pom.xml") is not { } folder)
        {
            return JarChoice.Declined($"no COPY brings a pom.xml from the build context into {root}, where Maven runs, so which jar '{jar}' is cannot be read");
        }

        var path = folder.Length == 0 ? "pom.xml" : folder + "/pom.xml";
        if (MavenPom.Read(context.BuildContext, path) is not { } pom)
        {
            return JarChoice.Declined($"{path} is not in the build context or is not XML, so which jar '{jar}' is cannot be read");
        }

        if (!pom.Modules.IsEmpty)
        {
            return JarChoice.Declined($"{path} is a multi-module build ({string.Join(", ", pom.Modules)}): which module's jar the start command's '{jar}' means is ambiguous");
        }

        if (glob is null || glob != root.TrimEnd('/') + "/target/" + glob[(glob.LastIndexOf('/') + 1)..])
        {
            return JarChoice.Declined($"the start command runs '{jar}', which is not a jar pattern in the target/ folder of '{build.Tool}' (in {root})");
        }

        if (pom.Packaging != "jar")
        {
            return JarChoice.Declined(pom.Packaging == "war"
                ? $"{path} packages a WAR, which an application server (Tomcat, Jetty) runs, not a JRE image with one jar"
                : $"{path} has packaging '{pom.Packaging}', not a jar");
        }

        if (pom.Plugins.FirstOrDefault(p => !JavaFacts.JarNeutralMavenPlugins.Contains(p)) is { } plugin)
        {
            return JarChoice.Declined($"{path} configures {(plugin.Length == 0 ? "a plugin" : plugin)}, which may put another jar in target/, so which one '{jar}' is cannot be named safely");
        }

        if (pom.Parent is { } parent && !JavaFacts.JarNeutralMavenParents.Contains(parent))
        {
            return JarChoice.Declined($"{path} inherits from the parent {parent}, which may set the jar's name or add plugins, so which jar '{jar}' is cannot be named safely");
        }

        if (pom.JarName is not { } name)
        {
            return JarChoice.Declined($"{path} builds the jar's name from properties, so which jar '{jar}' is cannot be named safely");
        }

        var pattern = "^" + Regex.Escape(glob![(glob.LastIndexOf('/') + 1)..]).Replace("\\*", "[^/]*", StringComparison.Ordinal).Replace("\\?", "[^/]", StringComparison.Ordinal) + "$";
        return Regex.IsMatch(name, pattern)
            ? new JarChoice(null, root.TrimEnd('/') + "/target/" + name, $"{jar}: {name}, the name {path} gives it")
            : JarChoice.Declined($"{path} names the jar {name}, which '{jar}' does not match");
    }

    // The context folder whose FILE a COPY brings to `root`: `COPY . root`, `COPY FILE root/`, `COPY sub/ root`.
    private static string? ContextFolderOf(PassContext context, StageModel stage, string root, string file)
    {
        foreach (var copy in stage.Instructions.Where(i => i.Kind is InstructionKind.Copy or InstructionKind.Add && i.GetFlag("from") is null))
        {
            List<string> words = copy.Arguments switch
            {
                WordArguments { Words.Length: >= 2 } list => [.. list.Words.Select(w => w.Value)],
                ExecFormArguments { Elements.Length: >= 2 } exec => [.. exec.Elements.Select(e => e.Value)],
                _ => [],
            };
            if (words.Count < 2 || Workdirs.At(stage, copy) is not { } at || Workdirs.Combine(at, words[^1]) is not { } destination)
            {
                continue;
            }

            foreach (var source in words.Take(words.Count - 1))
            {
                var trimmed = source.Trim('/');
                var normalised = trimmed is "." or "" ? string.Empty : trimmed.StartsWith("./", StringComparison.Ordinal) ? trimmed[2..] : trimmed;
                if (destination == root && (normalised.Length == 0 || context.BuildContext.FileExists(normalised + "/" + file)))
                {
                    return normalised;
                }

                if (normalised == file && (destination == root || destination == root + "/" + file))
                {
                    return string.Empty;
                }
            }
        }

        return null;
    }

    // The RUNs: at most one jar build with mvn or gradle, dependency fetches, making the wrapper executable; else declines.
    private static RunSorting SortRuns(PassContext context, StageFacts facts)
    {
        StageCommand? build = null;
        foreach (var command in facts.Commands.Where(c => c.Instruction.Kind == InstructionKind.Run))
        {
            var line = context.UserLine(command.Instruction);
            var tool = command.Tool;
            var recognised = EcosystemCommand.Recognise(tool);
            if (recognised is not null && recognised.Ecosystem != EcosystemTable.Java)
            {
                return RunSorting.Declined($"line {line} runs {recognised.Ecosystem.Name} tooling too");
            }

            if (JavaFacts.OutputFolders.ContainsKey(tool.Program))
            {
                if (!tool.Arguments.All(w => w.IsStatic))
                {
                    return RunSorting.Declined($"line {line} runs '{tool}' with variables, so what it builds is unknown");
                }

                if (OtherProject(tool) is { } other)
                {
                    return RunSorting.Declined($"line {line} runs '{tool}', whose {other} builds another project than the one in its folder");
                }

                var buildsJar = false;
                foreach (var goal in Goals(tool))
                {
                    if (JavaFacts.OtherOutputGoals.TryGetValue(goal, out var why))
                    {
                        return RunSorting.Declined($"line {line} runs '{tool}': {why}");
                    }

                    if (JavaFacts.JarGoals.Contains(goal))
                    {
                        buildsJar = true;
                    }
                    else if (!JavaFacts.FetchGoals.Contains(goal))
                    {
                        return RunSorting.Declined($"line {line} runs '{tool}', whose '{goal}' may make files the runtime needs besides the jar");
                    }
                }

                if (buildsJar)
                {
                    if (build is not null)
                    {
                        return RunSorting.Declined($"the stage builds twice (lines {context.UserLine(build.Instruction)} and {line}), so which jar runs is unclear");
                    }

                    build = command;
                }

                continue;
            }

            if (tool.Program is "rm" or "true" || IsWrapperChmod(tool))
            {
                continue;
            }

            return tool.Program is "apt-get" or "apt" or "apk"
                ? RunSorting.Declined($"line {line} installs system packages, which the JRE image would need too and does not have")
                : RunSorting.Declined($"line {line} runs '{tool}', and whether the runtime needs what it makes is unknown");
        }

        return new RunSorting(null, build);
    }

    // The first option that builds another project than the one in the working folder (-pl api, -f ../other/pom.xml),
    // read word by word: -fae is Maven's fail-at-end, not -f with "ae".
    private static string? OtherProject(ToolInvocation tool)
    {
        var words = tool.Arguments.Select(w => w.Value!).ToList();
        for (var i = 0; i < words.Count; i++)
        {
            var flag = words[i].Split('=')[0];
            if (!JavaFacts.OtherProjectFlags.Contains(flag))
            {
                continue;
            }

            var value = words[i].Contains('=', StringComparison.Ordinal) ? words[i][(flag.Length + 1)..] : i + 1 < words.Count ? words[i + 1] : string.Empty;
            value = value.StartsWith("./", StringComparison.Ordinal) ? value[2..] : value;
            if (value != "." && !JavaFacts.DefaultBuildFiles.Contains(value))
            {
                return flag;
            }
        }

        return null;
    }

    // Maven goals and Gradle tasks: the words that are not options or option values.
    private static IEnumerable<string> Goals(ToolInvocation tool)
    {
        var withValues = (tool.Program == "mvn" ? PackageManagerFacts.Maven : PackageManagerFacts.Gradle).OptionsWithValue.ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < tool.Arguments.Length; i++)
        {
            var value = tool.Arguments[i].Value!;
            if (value.StartsWith('-'))
            {
                i += withValues.Contains(value) ? 1 : 0;
                continue;
            }

            // Gradle's :app:bootJar names a subproject's task; the task decides what is built.
            yield return tool.Program == "gradle" && value.Contains(':', StringComparison.Ordinal) ? value[(value.LastIndexOf(':') + 1)..] : value;
        }
    }

    // chmod +x mvnw / gradlew: the wrapper made executable, nothing the runtime needs.
    private static bool IsWrapperChmod(ToolInvocation tool) =>
        tool.Program == "chmod" && tool.Arguments.Length >= 2
        && tool.Arguments.Skip(1).All(w => w.Value is { } v && ToolInvocation.Normalise(v) is "mvn" or "gradle");

    private sealed record RunSorting(string? Decline, StageCommand? Build)
    {
        public static RunSorting Declined(string reason) => new(reason, null);
    }

    private sealed record JarChoice(string? Decline, string? Path, string Evidence)
    {
        public static JarChoice Declined(string reason) => new(reason, null, string.Empty);
    }

    /// <summary>
    /// What the container starts: <c>java [OPTIONS] -jar JAR [ARGS]</c>, from a CMD or an ENTRYPOINT (with a CMD of
    /// arguments kept as written); a shell form may name the jar with a glob, which the split resolves from pom.xml.
    /// </summary>
    private sealed record StartCommand(
        string? Decline,
        InstructionSyntax? Instruction,
        InstructionSyntax? KeptCmd,
        string? Java,
        ImmutableArray<string> Options,
        string? Jar,
        ImmutableArray<string> Arguments,
        bool WasShellForm)
    {
        public static StartCommand Declined(string reason) => new(reason, null, null, null, [], null, [], false);

        public static StartCommand Read(PassContext context, StageModel stage)
        {
            var entrypoint = stage.Last(InstructionKind.Entrypoint);
            var cmd = stage.Last(InstructionKind.Cmd);
            if (entrypoint is null && cmd is null)
            {
                return Declined("the stage has no CMD or ENTRYPOINT, so which jar runs is unknown");
            }

            var instruction = (entrypoint ?? cmd)!;
            InstructionSyntax? kept = null;
            if (entrypoint is not null && cmd is not null)
            {
                if (cmd.Arguments is not ExecFormArguments)
                {
                    return Declined($"ENTRYPOINT and a shell-form CMD (line {context.UserLine(cmd)}) start the app together, which exec form cannot keep");
                }

                // A shell-form ENTRYPOINT ignores CMD; in exec form the CMD would become the app's arguments.
                if (entrypoint.Arguments is not ExecFormArguments)
                {
                    return Declined($"the shell-form ENTRYPOINT ignores the CMD at line {context.UserLine(cmd)}, which its exec form would pass to the app");
                }

                kept = cmd;
            }

            var shellForm = instruction.Arguments is ShellFormArguments;
            var words = StartCommandWords.Of(instruction) ?? GlobWords(instruction);
            if (words is not { IsEmpty: false } list)
            {
                return Declined($"the start command at line {context.UserLine(instruction)} is not one plain java -jar command (variables such as $JAVA_OPTS need a shell, which exec form does not have)");
            }

            if (ToolInvocation.Normalise(list[0]) != "java")
            {
                return Declined($"the start command '{string.Join(' ', list)}' is not java -jar, so what the runtime needs is unknown");
            }

            var options = new List<string>();
            for (var i = 1; i < list.Length; i++)
            {
                var word = list[i];
                if (word == "-jar")
                {
                    if (i + 1 >= list.Length)
                    {
                        break;
                    }

                    var jar = list[i + 1];
                    var arguments = list[(i + 2)..];
                    if (jar.Contains('*', StringComparison.Ordinal) && !shellForm)
                    {
                        return Declined($"the exec-form start command names '{jar}', which no shell expands");
                    }

                    if (arguments.Any(a => a.Contains('*', StringComparison.Ordinal) || a.Contains('?', StringComparison.Ordinal)))
                    {
                        return Declined("the start command's arguments have globs, which only a shell expands");
                    }

                    return new StartCommand(null, instruction, kept, list[0], [.. options], jar, arguments, shellForm);
                }

                if (JavaFacts.NotJarOptions.Contains(word))
                {
                    return Declined($"the start command runs java {word}, not one jar, so which files it needs is unknown");
                }

                if (JavaFacts.FileOptionPrefixes.FirstOrDefault(p => word.StartsWith(p, StringComparison.Ordinal)) is { } prefix)
                {
                    return Declined($"the start command's '{word}' loads a file ({prefix.TrimEnd(':')}) the runtime stage would not have");
                }

                if (!word.StartsWith('-') || word.Contains('*', StringComparison.Ordinal))
                {
                    return Declined($"the start command '{string.Join(' ', list)}' is not java [options] -jar JAR, so what the runtime needs is unknown");
                }

                options.Add(word);
            }

            return Declined($"the start command '{string.Join(' ', list)}' runs no jar (java -jar JAR), so what the runtime needs is unknown");
        }

        // A shell-form start command of static words where only the jar may be a glob (java -jar target/*.jar).
        private static ImmutableArray<string>? GlobWords(InstructionSyntax instruction)
        {
            if (instruction.Arguments is not ShellFormArguments shell || ShellParser.Parse(shell.CommandText) is not { IsSingleAndChain: true } script
                || script.Commands.Length != 1 || script.Commands[0].Simple is not { Assignments.IsEmpty: true, Redirections.IsEmpty: true } simple
                || !simple.Words.All(w => w.IsStatic))
            {
                return null;
            }

            ImmutableArray<string> words = [.. simple.Words.Select(w => w.Value!)];
            return words.Length > 1 && words[0] == "exec" ? words[1..] : words;
        }
    }
}