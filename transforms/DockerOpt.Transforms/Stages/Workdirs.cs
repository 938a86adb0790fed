using DockerOpt.Core.Model;
using DockerOpt.Syntax;
using DockerOpt.Transforms.Runtime;

namespace DockerOpt.Transforms.Stages;

/// <summary>
/// The working directory at each instruction of a stage, as far as the Dockerfile shows it. Before any WORKDIR the
/// directory is the base image's, which only the image knows: it is written <see cref="ImageDefault"/> so that
/// paths relative to it still compare equal. Null means a WORKDIR used a variable.
/// </summary>
public static class Workdirs
{
    public const string ImageDefault = "<image workdir>";

    /// <summary>The working directory an instruction of the stage runs in (after the WORKDIRs before it).</summary>
    public static string? At(StageModel stage, InstructionSyntax instruction)
    {
        ArgumentNullException.ThrowIfNull(stage);
        string? current = ImageDefault;
        foreach (var item in stage.Instructions)
        {
            if (ReferenceEquals(item, instruction) || item.Span.Start >= instruction.Span.Start)
            {
                break;
            }

            if (item.Kind == InstructionKind.Workdir && item.Arguments is WordArguments { Words: [var word] })
            {
                current = current is null ? null : Combine(current, word.Value);
            }
        }

        return current;
    }

    /// <summary>
    /// True when a copy to <paramref name="destination"/> at <paramref name="instruction"/> lands in whatever working
    /// directory the base image has: the path is relative (not <c>/...</c>, not <c>$VAR/...</c>) and no WORKDIR comes
    /// before the instruction, in its stage or in the stages it builds on. hadolint's DL3045 flags every such COPY.
    /// </summary>
    public static bool IsRelativeToImageDefault(DockerfileModel model, StageModel stage, InstructionSyntax instruction, string destination)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(instruction);
        ArgumentNullException.ThrowIfNull(destination);
        if (destination.StartsWith('/') || destination.StartsWith('$'))
        {
            return false;
        }

        var lineage = StageChain.Of(model, stage).Lineage;
        return !stage.Before(instruction).Any(i => i.Kind == InstructionKind.Workdir)
            && !lineage.Skip(1).Any(ancestor => ancestor.OfKind(InstructionKind.Workdir).Any());
    }

    /// <summary>The directory <paramref name="path"/> names from <paramref name="workdir"/>, normalised; null with variables.</summary>
    public static string? Combine(string workdir, string path)
    {
        ArgumentNullException.ThrowIfNull(workdir);
        ArgumentNullException.ThrowIfNull(path);
        if (path.Contains('$', StringComparison.Ordinal) || path.Length == 0)
        {
            return null;
        }

        var full = path.StartsWith('/') ? path : workdir.TrimEnd('/') + "/" + path;
        var parts = new List<string>();
        foreach (var part in full.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (parts.Count == 0 || parts[^1] == ImageDefault)
                {
                    return null;
                }

                parts.RemoveAt(parts.Count - 1);
                continue;
            }

            parts.Add(part);
        }

        return full.StartsWith(ImageDefault, StringComparison.Ordinal) ? string.Join('/', parts) : "/" + string.Join('/', parts);
    }
}