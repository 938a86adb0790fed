using DockerOpt.Cli.Input;
using DockerOpt.Core.Passes;

namespace DockerOpt.Cli.Lint;

/// <summary>
/// The findings behind a rewrite, as lint diagnostics: every change a pass would make is a warning (the file
/// could be smaller, faster to build or safer), every piece of advice is info. What a pass declined is not a
/// problem of the file and is not reported (rewrite shows it under "Left alone").
/// </summary>
public static class LintDiagnostics
{
    public static IReadOnlyList<LintDiagnostic> From(PreparedRewrite rewrite)
    {
        ArgumentNullException.ThrowIfNull(rewrite);
        return [.. rewrite.Result.Passes
            .SelectMany(pass => pass.Findings
                .Where(f => f.Kind is FindingKind.Applied or FindingKind.Advice)
                .Select(f => new LintDiagnostic(
                    pass.Info.Id,
                    f.HadolintId is { } rule ? [rule] : [],
                    f.Kind == FindingKind.Applied ? LintSeverity.Warning : LintSeverity.Info,
                    rewrite.File.DisplayPath,
                    f.Line,
                    f.Column,
                    f.Message,
                    f.ChangesBehaviour)))
            .OrderBy(d => d.Line)
            .ThenBy(d => d.Column)
            .ThenBy(d => d.RuleId, StringComparer.Ordinal)];
    }
}