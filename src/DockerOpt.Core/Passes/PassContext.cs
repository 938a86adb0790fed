using DockerOpt.Core.BuildContext;
using DockerOpt.Core.Model;
using DockerOpt.Syntax;

namespace DockerOpt.Core.Passes;

/// <summary>
/// Everything a pass may read: the parsed text (after the passes before it), its model, the file's style
/// (so new text looks like the rest), a read-only build context and the options.
/// </summary>
public sealed record PassContext(
    DockerfileSyntax Syntax,
    DockerfileModel Model,
    DockerfileStyle Style,
    IBuildContext BuildContext,
    RewriteOptions Options)
{
    /// <summary>Start offsets of the instructions a pragma shields from this pass.</summary>
    public System.Collections.Immutable.ImmutableHashSet<int> IgnoredInstructions { get; init; } = [];

    /// <summary>
    /// True when a <c># dockeropt ignore=</c> (or a matching <c># hadolint ignore=</c>) above the instruction
    /// names this pass: the pass must leave it alone (and may record a Declined finding).
    /// </summary>
    public bool IsIgnored(InstructionSyntax instruction)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        return IgnoredInstructions.Contains(instruction.Span.Start);
    }

    /// <summary>The source text the pass's edits refer to.</summary>
    public string Text => Syntax.Source.Text;

    /// <summary>A finding anchored at the first line of an instruction.</summary>
    public static Finding At(string passId, InstructionSyntax instruction, FindingKind kind, string message, bool changesBehaviour = false)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        return new Finding(passId, kind, instruction.StartLine, 1, message, changesBehaviour);
    }

    /// <summary>Creates the model and style for a parsed text.</summary>
    public static PassContext Create(DockerfileSyntax syntax, IBuildContext buildContext, RewriteOptions options) =>
        new(syntax, DockerfileModel.Build(syntax), StyleSniffer.Sniff(syntax), buildContext, options);
}