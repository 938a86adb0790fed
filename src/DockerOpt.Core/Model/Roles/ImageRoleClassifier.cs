using System.Collections.Immutable;

using DockerOpt.Core.BuildContext;
using DockerOpt.Core.Images;
using DockerOpt.Syntax;

namespace DockerOpt.Core.Model.Roles;

/// <summary>
/// Decides the role of the image a Dockerfile ships (its final stage) from evidence: its command (its own or
/// inherited along the stage chain), ONBUILD, privilege-dropping entrypoints and init systems, the docker socket and
/// raw sockets, an explicit final <c>USER root</c>, what its entrypoint script does (when the build context holds it),
/// and names: the path, the final stage's name, an official-images folder layout. Names and tools come from
/// <see cref="RoleKnowledge"/>. The strongest kind of evidence wins, in this order: test fixture, published base
/// image, builder/CI/dev name, privileges, then what the command says.
/// </summary>
public static class ImageRoleClassifier
{
    private static readonly ImageRole[] Precedence =
        [ImageRole.TestFixture, ImageRole.BaseImage, ImageRole.BuildImage, ImageRole.PrivilegedTool];

    /// <param name="model">The Dockerfile's model.</param>
    /// <param name="path">The Dockerfile's path inside its repository ('/' separated), or null when unknown.</param>
    /// <param name="context">The build context, to read an entrypoint script the file copies in; null when unknown.</param>
    /// <param name="repository">The repository around the file, to see the files it is published with; null when unknown.</param>
    public static RoleDecision Classify(DockerfileModel model, string? path, IBuildContext? context, RepositoryView? repository = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.FinalStage is not { } final)
        {
            return new RoleDecision(ImageRole.LeafApp, []);
        }

        var lineage = model.Lineage(final);
        var instructions = lineage.Reverse().SelectMany(s => s.Instructions).ToImmutableArray();
        var strong = new List<RoleEvidence>();
        strong.AddRange(PathEvidence(path));
        if (repository is not null && PublishedLayout.VersionedSiblings(repository.FileName, repository.Files.ListDirectory(repository.Folder)) is { } siblings)
        {
            strong.Add(new RoleEvidence(ImageRole.BaseImage, $"published with versioned siblings {siblings}"));
        }

        strong.AddRange(StageNameEvidence(final));
        strong.AddRange(ContentEvidence(instructions, context));
        var command = CommandEvidence(lineage, instructions);

        foreach (var role in Precedence)
        {
            if (strong.Any(e => e.PointsTo == role))
            {
                return Decide(role, strong, command);
            }
        }

        return Decide(command.PointsTo, [], command);
    }

    private static RoleDecision Decide(ImageRole role, List<RoleEvidence> strong, RoleEvidence command)
    {
        var all = strong.Append(command).ToList();
        return new RoleDecision(role, [.. all.Where(e => e.PointsTo == role), .. all.Where(e => e.PointsTo != role)]);
    }

    private static IEnumerable<RoleEvidence> PathEvidence(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            yield break;
        }

        var segments = path.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var directories = segments[..^1].Where(s => s is not ("." or "..")).ToArray();
        var fileName = segments[^1];
        foreach (var rule in RoleKnowledge.Names)
        {
            if (rule.Place == NamePlace.Directory && directories.FirstOrDefault(d => rule.Words.Contains(d, StringComparer.OrdinalIgnoreCase)) is { } folder)
            {
                yield return new RoleEvidence(rule.Role, $"in a {folder}/ folder");
            }
            else if (rule.Place == NamePlace.FileName && Tokens(fileName).FirstOrDefault(t => rule.Words.Contains(t, StringComparer.OrdinalIgnoreCase)) is { } word)
            {
                yield return new RoleEvidence(rule.Role, $"file name '{fileName}' says {word.ToLowerInvariant()}");
            }
        }

        if (PublishedLayout.Find(directories) is { } layout)
        {
            yield return new RoleEvidence(ImageRole.BaseImage, $"published under a versioned layout {layout}");
        }
    }

    private static IEnumerable<RoleEvidence> StageNameEvidence(StageModel final)
    {
        if (final.Name is not { } name)
        {
            yield break;
        }

        foreach (var rule in RoleKnowledge.Names.Where(r => r.Place == NamePlace.StageName))
        {
            if (Tokens(name).FirstOrDefault(t => rule.Words.Contains(t, StringComparer.OrdinalIgnoreCase)) is not null)
            {
                yield return RoleEvidence.At(rule.Role, $"the final stage is named '{name}'", final.From);
            }
        }
    }

    private static IEnumerable<RoleEvidence> ContentEvidence(ImmutableArray<InstructionSyntax> instructions, IBuildContext? context)
    {
        foreach (var instruction in instructions)
        {
            var text = instruction.Logical.Text;
            switch (instruction.Kind)
            {
                case InstructionKind.Onbuild:
                    yield return RoleEvidence.At(ImageRole.BaseImage, "ONBUILD runs in the images built FROM it", instruction);
                    break;
                case InstructionKind.Volume or InstructionKind.Env or InstructionKind.Cmd or InstructionKind.Entrypoint
                    when RoleKnowledge.DockerSocketMarkers.FirstOrDefault(m => text.Contains(m, StringComparison.Ordinal)) is { } socket:
                    yield return RoleEvidence.At(ImageRole.PrivilegedTool, $"{instruction.KeywordUpper} uses the docker socket {socket}", instruction);
                    break;
                case InstructionKind.Run when text.Contains("setcap", StringComparison.Ordinal)
                    && RoleKnowledge.RawSocketCapabilities.FirstOrDefault(c => text.Contains(c, StringComparison.OrdinalIgnoreCase)) is { } capability:
                    yield return RoleEvidence.At(ImageRole.PrivilegedTool, $"setcap {capability} for raw sockets", instruction);
                    break;
                default:
                    break;
            }

            if (instruction.Kind is InstructionKind.Run or InstructionKind.Cmd or InstructionKind.Entrypoint or InstructionKind.Copy or InstructionKind.Add
                && Words.FindAny(text, RoleKnowledge.PrivilegeDropTools) is { } tool)
            {
                yield return RoleEvidence.At(ImageRole.PrivilegedTool, $"{instruction.KeywordUpper} brings {tool}, which drops privileges itself", instruction);
            }
        }

        if (LastUser(instructions) is { } user && IsRoot(user))
        {
            yield return RoleEvidence.At(ImageRole.PrivilegedTool, "the author's last USER is root", user);
        }

        foreach (var evidence in EntrypointScripts.Evidence(instructions, context))
        {
            yield return evidence;
        }
    }

    // What the image runs: its own or inherited CMD/ENTRYPOINT, a shell prompt, or nothing (then its base decides).
    private static RoleEvidence CommandEvidence(IReadOnlyList<StageModel> lineage, ImmutableArray<InstructionSyntax> instructions)
    {
        var entrypoint = instructions.LastOrDefault(i => i.Kind == InstructionKind.Entrypoint);
        var cmd = instructions.LastOrDefault(i => i.Kind == InstructionKind.Cmd);
        var root = lineage[^1];
        if (entrypoint is null && cmd is null)
        {
            if (root.BaseImage is { } image && RoleKnowledge.ServingImages.Any(s => Matches(image, s)))
            {
                return RoleEvidence.At(ImageRole.LeafApp, $"no CMD of its own: {image.Path} serves what it copies in", root.From);
            }

            if (root.BaseImage is { } toolchain && RoleKnowledge.ToolchainImages.Any(s => Matches(toolchain, s)))
            {
                return RoleEvidence.At(ImageRole.BuildImage, $"no CMD/ENTRYPOINT on the {toolchain.Path} toolchain", root.From);
            }

            return root.BaseImage is { } inherited
                ? RoleEvidence.At(ImageRole.BaseImage, $"no CMD/ENTRYPOINT of its own: it runs what {inherited.Path} runs", root.From)
                : new RoleEvidence(ImageRole.BaseImage, "no CMD/ENTRYPOINT");
        }

        var words = entrypoint is not null ? CommandWords(entrypoint) : CommandWords(cmd!);
        var shown = entrypoint ?? cmd!;
        if (words.FirstOrDefault(w => RoleKnowledge.InitSystems.Contains(w, StringComparer.Ordinal) || RoleKnowledge.InitSystems.Contains(BaseName(w), StringComparer.Ordinal) || w == "/init") is { } init)
        {
            return RoleEvidence.At(ImageRole.PrivilegedTool, $"{shown.KeywordUpper} starts the init system {init}", shown);
        }

        if (words.Length > 0 && RoleKnowledge.PrivilegedCommands.Contains(BaseName(words[0]), StringComparer.Ordinal))
        {
            return RoleEvidence.At(ImageRole.PrivilegedTool, $"{shown.KeywordUpper} runs {BaseName(words[0])}, which needs root", shown);
        }

        if (words.Length > 0 && RoleKnowledge.DockerClients.Contains(BaseName(words[0]), StringComparer.Ordinal))
        {
            return RoleEvidence.At(ImageRole.PrivilegedTool, $"{shown.KeywordUpper} runs {BaseName(words[0])}, which drives the Docker daemon through its socket", shown);
        }

        if (entrypoint is not null && words.Length > 0 && RoleKnowledge.BuildTools.Contains(BaseName(words[0])) && words.Skip(1).All(w => w.StartsWith('-')))
        {
            return RoleEvidence.At(ImageRole.BuildImage, $"ENTRYPOINT is the build tool {BaseName(words[0])}, run as a CI step", entrypoint);
        }

        if (entrypoint is not null && words.Length > 0 && RoleKnowledge.CiStepScriptFolders.FirstOrDefault(f => words[0].StartsWith(f, StringComparison.Ordinal)) is { } folder)
        {
            return RoleEvidence.At(ImageRole.BuildImage, $"ENTRYPOINT runs a CI step script from {folder}", entrypoint);
        }

        if (instructions.LastOrDefault(i => i.Kind == InstructionKind.Workdir) is { } workdir
            && RoleKnowledge.CiWorkspaces.Contains(CommandWords(workdir).FirstOrDefault()?.TrimEnd('/') ?? string.Empty, StringComparer.Ordinal))
        {
            return RoleEvidence.At(ImageRole.BuildImage, $"works in {CommandWords(workdir)[0]}, where CI mounts the sources", workdir);
        }

        if (entrypoint is not null && cmd is null && IsInteractive(words))
        {
            return RoleEvidence.At(ImageRole.BaseImage, $"ENTRYPOINT only opens {BaseName(words[0])}", entrypoint);
        }

        var wrapper = entrypoint is null || BaseName(words.FirstOrDefault() ?? string.Empty).Contains("entrypoint", StringComparison.OrdinalIgnoreCase);
        if (wrapper && cmd is not null && IsInteractive(CommandWords(cmd)))
        {
            return RoleEvidence.At(ImageRole.BaseImage, $"CMD only opens {BaseName(CommandWords(cmd)[0])}", cmd);
        }

        return RoleEvidence.At(ImageRole.LeafApp, $"{shown.KeywordUpper} runs {Shorten(string.Join(' ', words))}", shown);
    }

    private static bool IsInteractive(ImmutableArray<string> words) =>
        words.Length > 0 && RoleKnowledge.InteractiveCommands.Contains(BaseName(words[0])) && words.Skip(1).All(w => w.StartsWith('-'));

    /// <summary>The words of a CMD/ENTRYPOINT: the exec-form elements, or the shell-form text split at blanks.</summary>
    internal static ImmutableArray<string> CommandWords(InstructionSyntax instruction) => instruction.Arguments switch
    {
        ExecFormArguments exec => exec.Values,
        ShellFormArguments shell => [.. shell.CommandText.Split([' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)],
        WordArguments words => [.. words.Words.Select(w => w.Value)],
        _ => [],
    };

    private static InstructionSyntax? LastUser(ImmutableArray<InstructionSyntax> instructions) =>
        instructions.LastOrDefault(i => i.Kind == InstructionKind.User);

    private static bool IsRoot(InstructionSyntax user) =>
        user.Arguments is WordArguments { Words.Length: > 0 } words && words.Words[0].Value.Trim().Split(':')[0] is "root" or "0";

    internal static string BaseName(string word) => word[(word.LastIndexOf('/') + 1)..];

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "...";

    private static string[] Tokens(string name) => name.Split(['.', '-', '_'], StringSplitOptions.RemoveEmptyEntries);

    private static bool Matches(ImageReference image, string entry)
    {
        var full = image.Registry is null ? image.Path : image.Registry + "/" + image.Path;
        return string.Equals(full, entry, StringComparison.OrdinalIgnoreCase)
            || full.StartsWith(entry + "/", StringComparison.OrdinalIgnoreCase)
            || string.Equals(image.NormalizedPath, "library/" + entry, StringComparison.OrdinalIgnoreCase);
    }
}