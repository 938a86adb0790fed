using System.Collections.Immutable;

namespace DockerOpt.Cli.Lint;

/// <summary>
/// One lint diagnostic: a pass's finding seen as a rule violation. <see cref="RuleId"/> is the pass id (stable,
/// what <c>--skip</c>, pragmas and <c>dockeropt explain</c> take); <see cref="HadolintIds"/> are the hadolint rules
/// of the same meaning as this one finding (not every rule the pass shares), so a team used to hadolint recognises them.
/// </summary>
public sealed record LintDiagnostic(
    string RuleId,
    ImmutableArray<string> HadolintIds,
    LintSeverity Severity,
    string Path,
    int Line,
    int Column,
    string Message,
    bool ChangesBehaviour)
{
    /// <summary><c>package-hygiene (DL3015)</c>, or the bare id when no hadolint rule shares its meaning.</summary>
    public string RuleLabel => HadolintIds.IsDefaultOrEmpty ? RuleId : $"{RuleId} ({string.Join(", ", HadolintIds)})";

    public string SeverityText => Severity switch
    {
        LintSeverity.Error => "error",
        LintSeverity.Warning => "warning",
        _ => "info",
    };

    /// <summary>The command that explains the rule.</summary>
    public string ExplainCommand => $"dockeropt explain {RuleId}";
}