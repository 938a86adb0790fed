using DockerOpt.Core.BuildContext;
using DockerOpt.Core.Model;
using DockerOpt.Syntax;
using DockerOpt.Transforms.Ecosystems;
using DockerOpt.Transforms.Stages;

namespace DockerOpt.Transforms.Catalog;

/// <summary>
/// The named requirements a catalog rung can list, each checked against the stage that would get the new image.
/// A check returns null when the requirement holds, else the reason it does not (which becomes a Declined finding).
/// An unknown name never holds: a newer catalog must not make an older dockeropt bolder than it understands.
/// </summary>
public static class BaseImageRequirements
{
    /// <summary>Why the requirement does not hold for the stage, or null when it holds.</summary>
    public static string? Check(string requirement, RequirementInput input)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(input);
        return requirement switch
        {
            "no-full-image-tools" => NoFullImageTools(input),
            "no-glibc-dependency" => NoGlibcDependency(input),
            "no-shell" => NoShell(input),
            _ => $"the catalog requires '{requirement}', which this version of dockeropt cannot check",
        };
    }

    // Compilers, git and curl are in the full images only; a stage that calls one without installing it breaks.
    private static string? NoFullImageTools(RequirementInput input)
    {
        if (input.Facts.Unreadable.FirstOrDefault() is { } unreadable)
        {
            return $"the command at line {unreadable.StartLine} is not fully understood, so the tools it needs are unknown";
        }

        foreach (var command in input.Facts.Commands)
        {
            if (input.Family.FullOnlyTools.Contains(command.Tool.Program) && !input.Facts.InstallsBeforeUse(command.Tool.Program))
            {
                return $"line {command.Instruction.StartLine} runs {command.Tool.Program}, which only the full image ships";
            }
        }

        if (input.Ecosystem is { } installed && InstallsDependencies(input.Facts, installed) && !input.BuildContext.IsKnown)
        {
            return $"the stage installs {installed.Name} dependencies and with no build context it is unknown whether they need a compiler";
        }

        if (input.Ecosystem is { } ecosystem && InstallsDependencies(input.Facts, ecosystem)
            && NativeMarkers(input, ecosystem).FirstOrDefault(m => m.NeedsCompiler) is { } marker)
        {
            return $"the stage installs {ecosystem.Name} dependencies and {marker.Reason} ({marker.File}), which needs the compilers of the full image";
        }

        return null;
    }

    // musl instead of glibc: Debian packages, manylinux wheels, native addons and files built on a glibc image all break.
    private static string? NoGlibcDependency(RequirementInput input)
    {
        if (input.Facts.UsesApt)
        {
            return "the stage installs Debian packages with apt, which alpine does not have";
        }

        if (input.Ecosystem is { } ecosystem)
        {
            if (!input.BuildContext.IsKnown && InstallsDependencies(input.Facts, ecosystem))
            {
                return $"the stage installs {ecosystem.Name} dependencies and with no build context it is unknown whether any is native";
            }

            if (NativeMarkers(input, ecosystem).FirstOrDefault() is { } marker)
            {
                return $"{marker.Reason} ({marker.File}), built for glibc";
            }

            if (ecosystem == EcosystemTable.Python && InstallsDependencies(input.Facts, ecosystem))
            {
                return "pip installs manylinux wheels, which are built for glibc";
            }
        }

        foreach (var copy in input.Facts.Stage.Instructions.Where(i => i.Kind == InstructionKind.Copy))
        {
            if (copy.GetFlag("from")?.Value is { } from && input.Model.FindStage(from, input.Facts.Stage.Index) is { } source
                && !(source.ResolvedBaseText ?? string.Empty).Contains("alpine", StringComparison.OrdinalIgnoreCase))
            {
                return $"line {copy.StartLine} copies files built on the glibc image of stage '{source.Reference}'";
            }
        }

        return null;
    }

    private static string? NoShell(RequirementInput input)
    {
        if (input.Facts.Stage.Instructions.FirstOrDefault(i => i.Kind == InstructionKind.Run) is { } run)
        {
            return $"line {run.StartLine} runs a command, and the image has no shell";
        }

        return input.Facts.Stage.Instructions.FirstOrDefault(i => i.Kind is InstructionKind.Cmd or InstructionKind.Entrypoint && i.Form == InstructionForm.Shell) is { } shellForm
            ? $"line {shellForm.StartLine} uses the shell form, and the image has no shell"
            : null;
    }

    private static bool InstallsDependencies(StageFacts facts, Ecosystem ecosystem) =>
        facts.EcosystemCommands().Any(c => c.Recognised.Ecosystem == ecosystem && c.Recognised.Kind == EcosystemCommandKind.Install);

    private static IEnumerable<NativeMarker> NativeMarkers(RequirementInput input, Ecosystem ecosystem) =>
        ecosystem.NativeMarkers.Where(m => input.BuildContext.ReadText(m.File)?.Contains(m.Contains, StringComparison.Ordinal) == true);
}

/// <summary>What a requirement is checked against: the stage, its facts, the file, the image family and the build context.</summary>
public sealed record RequirementInput(DockerfileModel Model, StageFacts Facts, ImageFamily Family, Ecosystem? Ecosystem, IBuildContext BuildContext);