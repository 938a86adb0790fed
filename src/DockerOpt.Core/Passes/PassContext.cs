using System.Collections.Immutable;

using DockerOpt.Core.BuildContext;
using DockerOpt.Core.Model;
using DockerOpt.Core.Model.Roles;
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
    public ImmutableHashSet<int> IgnoredInstructions { get; init; } = [];

    /// <summary>
    /// For a pass that shares several hadolint rules: the rules a <c># hadolint ignore=</c> (above the instruction, or
    /// <c>ignore-file=</c>) shields, by instruction start offset. Only the changes of those rules are off there.
    /// </summary>
    public ImmutableDictionary<int, ImmutableHashSet<string>> IgnoredRules { get; init; } = ImmutableDictionary<int, ImmutableHashSet<string>>.Empty;

    /// <summary>
    /// True when a <c># dockeropt ignore=</c> (or a matching <c># hadolint ignore=</c>) above the instruction
    /// names this pass: the pass must leave it alone (and may record a Declined finding).
    /// </summary>
    public bool IsIgnored(InstructionSyntax instruction)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        return IgnoredInstructions.Contains(instruction.Span.Start);
    }

    /// <summary>
    /// True when the pass is off for the instruction, or a pragma names <paramref name="hadolintId"/> there: the change
    /// of that rule must not be made (the pass's other changes still may). A null rule is shielded only with the pass.
    /// </summary>
    public bool IsIgnored(InstructionSyntax instruction, string? hadolintId)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        return IsIgnored(instruction)
            || (hadolintId is not null && IgnoredRules.TryGetValue(instruction.Span.Start, out var rules) && rules.Contains(hadolintId));
    }

    /// <summary>
    /// Maps a line of <see cref="Syntax"/> to the line of the user's file (set by the rewriter, which knows what the
    /// passes before this one changed). The locations of findings are mapped for the pass; a line named inside a
    /// message must go through <see cref="UserLine(InstructionSyntax)"/>.
    /// </summary>
    public Func<int, int> ToUserLine { get; init; } = static line => line;

    /// <summary>The line of the user's file an instruction came from, for naming it in a finding's message.</summary>
    public int UserLine(InstructionSyntax instruction)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        return ToUserLine(instruction.StartLine);
    }

    /// <summary>
    /// Where the Dockerfile sits, relative to the build context root ('/'-separated; starts with <c>../</c> when it
    /// lies outside the context), or null when nobody said. BuildKit reads <c>&lt;this path&gt;.dockerignore</c> in
    /// preference to the context's <c>.dockerignore</c>, and other Dockerfiles in the context are not this one.
    /// </summary>
    public string? DockerfilePath { get; init; }

    /// <summary>The source text the pass's edits refer to.</summary>
    public string Text => Syntax.Source.Text;

    /// <summary>A finding anchored at the first line of an instruction.</summary>
    public static Finding At(string passId, InstructionSyntax instruction, FindingKind kind, string message, bool changesBehaviour = false, string? hadolintId = null)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        return new Finding(passId, kind, instruction.StartLine, 1, message, changesBehaviour, hadolintId);
    }

    /// <summary>Creates the model and style for a parsed text.</summary>
    public static PassContext Create(DockerfileSyntax syntax, IBuildContext buildContext, RewriteOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(syntax, DockerfileModel.Build(syntax).WithTarget(options.Target), StyleSniffer.Sniff(syntax), buildContext, options);
    }

    /// <summary>Creates the model and style for a parsed text, with the role decided on the user's file.</summary>
    public static PassContext Create(DockerfileSyntax syntax, IBuildContext buildContext, RewriteOptions options, RoleDecision role) =>
        Create(syntax, buildContext, options, role, new ShellScripts());

    /// <summary>Creates the model and style for one text of a rewrite, reading its RUNs with the rewrite's shared parses.</summary>
    public static PassContext Create(DockerfileSyntax syntax, IBuildContext buildContext, RewriteOptions options, RoleDecision role, ShellScripts scripts)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(syntax, DockerfileModel.Build(syntax, scripts).WithRole(role).WithTarget(options.Target), StyleSniffer.Sniff(syntax), buildContext, options);
    }
}