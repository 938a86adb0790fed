using DockerOpt.Core.Images;
using DockerOpt.Core.Model;
using DockerOpt.Syntax;

namespace DockerOpt.Transforms.Runtime;

/// <summary>
/// A stage together with the stages it builds on (<c>FROM builder</c>): image config such as USER, WORKDIR,
/// ENTRYPOINT and CMD is inherited along that chain, so "what runs" questions must walk it.
/// </summary>
public sealed class StageChain
{
    private StageChain(StageModel stage, IReadOnlyList<StageModel> lineage)
    {
        Stage = stage;
        Lineage = lineage;
    }

    /// <summary>The stage asked about.</summary>
    public StageModel Stage { get; }

    /// <summary>The stage first, then the stage it builds on, and so on up to the one FROM an image.</summary>
    public IReadOnlyList<StageModel> Lineage { get; }

    /// <summary>The stage at the top of the chain: its FROM names an image, scratch, or something unresolved.</summary>
    public StageModel Root => Lineage[^1];

    /// <summary>The image the chain starts from, or null for scratch/unresolved.</summary>
    public ImageReference? BaseImage => Root.BaseKind == StageBaseKind.ExternalImage ? Root.BaseImage : null;

    public bool IsScratch => Root.BaseKind == StageBaseKind.Scratch;

    public bool IsUnresolved => Root.BaseKind == StageBaseKind.Unresolved;

    public static StageChain Of(DockerfileModel model, StageModel stage)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stage);
        var lineage = new List<StageModel> { stage };
        var current = stage;
        while (current.BaseKind == StageBaseKind.PreviousStage && current.BaseStageIndex is { } parent && lineage.Count <= model.Stages.Length)
        {
            current = model.Stages[parent];
            lineage.Add(current);
        }

        return new StageChain(stage, lineage);
    }

    /// <summary>The stage an instruction belongs to, or null (before the first FROM).</summary>
    public static StageModel? StageOf(DockerfileModel model, InstructionSyntax instruction)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(instruction);
        return model.Stages.LastOrDefault(s => s.From.Span.Start <= instruction.Span.Start);
    }

    /// <summary>The last instruction of a kind that is in effect at the end of the chain (this stage first, then its ancestors).</summary>
    public InstructionSyntax? LastInEffect(InstructionKind kind)
    {
        foreach (var stage in Lineage)
        {
            if (stage.Last(kind) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>Every instruction of the chain in build order (the top ancestor's first).</summary>
    public IEnumerable<InstructionSyntax> AllInstructions() => Lineage.Reverse().SelectMany(s => s.Instructions);
}