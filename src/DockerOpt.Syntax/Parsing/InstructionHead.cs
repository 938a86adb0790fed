using System.Collections.Immutable;

namespace DockerOpt.Syntax;

/// <summary>What the instruction parser reads from a logical line: keyword, flags and typed arguments.</summary>
internal sealed record InstructionHead(
    InstructionKind Kind,
    SyntaxToken Keyword,
    ImmutableArray<FlagSyntax> Flags,
    ArgumentsSyntax Arguments)
{
    /// <summary>The lone <c>--</c> that ends the flags, or null.</summary>
    public TextSpan? FlagTerminator { get; init; }

    /// <summary>BuildKit's <c>canContainHeredoc</c>: RUN/COPY/ADD not in exec form, also inside ONBUILD.</summary>
    public bool CanContainHeredoc
    {
        get
        {
            if (Arguments is OnbuildArguments { Instruction: { } inner })
            {
                return IsHeredocKind(inner.Kind) && inner.Form != InstructionForm.Exec;
            }

            return IsHeredocKind(Kind) && Arguments.Form != InstructionForm.Exec;
        }
    }

    private static bool IsHeredocKind(InstructionKind kind) =>
        kind is InstructionKind.Run or InstructionKind.Copy or InstructionKind.Add;
}