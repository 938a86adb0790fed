using DockerOpt.Syntax;

namespace DockerOpt.Core.Model.Roles;

/// <summary>
/// One fact the role was decided from, and the role it points to: an instruction (with its span, so a report can
/// name the line), the file's path, or a script in the build context.
/// </summary>
/// <param name="PointsTo">The role this fact speaks for.</param>
/// <param name="Fact">What was seen, short enough for one line ("no CMD/ENTRYPOINT", "ENTRYPOINT drops privileges with gosu").</param>
/// <param name="Span">The source span of the instruction it was seen in, or null (the path, the context, an override).</param>
/// <param name="Line">The 1-based line of <paramref name="Span"/>, or null.</param>
public sealed record RoleEvidence(ImageRole PointsTo, string Fact, TextSpan? Span = null, int? Line = null)
{
    /// <summary>A fact seen in an instruction.</summary>
    public static RoleEvidence At(ImageRole pointsTo, string fact, InstructionSyntax instruction)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        return new RoleEvidence(pointsTo, fact, instruction.Span, instruction.StartLine);
    }

    /// <summary>The fact with its line, as reports print it.</summary>
    public override string ToString() => Line is { } line ? $"{Fact} (line {line})" : Fact;
}