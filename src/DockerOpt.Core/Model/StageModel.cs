using System.Collections.Immutable;

using DockerOpt.Core.Images;
using DockerOpt.Syntax;

namespace DockerOpt.Core.Model;

/// <summary>
/// One build stage: its FROM, what it builds on, and the instructions that belong to it (up to the next FROM).
/// </summary>
/// <param name="Index">0-based position among the stages.</param>
/// <param name="Name">The <c>AS name</c>, or null.</param>
/// <param name="From">The FROM instruction.</param>
/// <param name="BaseText">The image text as written (variables unexpanded).</param>
/// <param name="ResolvedBaseText">The image text with global ARG defaults expanded, when every reference resolved.</param>
/// <param name="BaseImage">The parsed external image, when <see cref="BaseKind"/> is ExternalImage or Scratch.</param>
/// <param name="BaseKind">What the FROM names.</param>
/// <param name="BaseStageIndex">The index of the stage it builds on, for PreviousStage.</param>
/// <param name="Instructions">The stage's instructions after FROM, in order.</param>
public sealed record StageModel(
    int Index,
    string? Name,
    InstructionSyntax From,
    string BaseText,
    string? ResolvedBaseText,
    ImageReference? BaseImage,
    StageBaseKind BaseKind,
    int? BaseStageIndex,
    ImmutableArray<InstructionSyntax> Instructions)
{
    /// <summary>How COPY --from and FROM refer to this stage: its name, else its index.</summary>
    public string Reference => Name ?? Index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The position of one of the stage's instructions in <see cref="Instructions"/>, or -1 (a binary search).</summary>
    public int IndexOf(InstructionSyntax instruction)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        int low = 0, high = Instructions.Length - 1;
        while (low <= high)
        {
            int middle = (low + high) / 2;
            int start = Instructions[middle].Span.Start;
            if (start == instruction.Span.Start)
            {
                return ReferenceEquals(Instructions[middle], instruction) || Instructions[middle].Equals(instruction) ? middle : -1;
            }

            if (start < instruction.Span.Start)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return -1;
    }

    /// <summary>Whether the instruction belongs to this stage.</summary>
    public bool Contains(InstructionSyntax instruction) => IndexOf(instruction) >= 0;

    /// <summary>The stage's instructions before one of them (all of them when it is not in the stage).</summary>
    public IEnumerable<InstructionSyntax> Before(InstructionSyntax instruction)
    {
        int index = IndexOf(instruction);
        return index < 0 ? Instructions : Instructions.Take(index);
    }

    /// <summary>The stage's instructions after one of them (none when it is not in the stage).</summary>
    public IEnumerable<InstructionSyntax> After(InstructionSyntax instruction)
    {
        int index = IndexOf(instruction);
        return index < 0 ? [] : Instructions.Skip(index + 1);
    }

    /// <summary>The instructions of one kind, in order.</summary>
    public IEnumerable<InstructionSyntax> OfKind(InstructionKind kind) => Instructions.Where(i => i.Kind == kind);

    /// <summary>The last instruction of a kind (the one that wins for CMD, ENTRYPOINT, USER, WORKDIR).</summary>
    public InstructionSyntax? Last(InstructionKind kind) => Instructions.LastOrDefault(i => i.Kind == kind);
}