using System.Globalization;
using System.Text;

using DockerOpt.Core.Passes;
using DockerOpt.Core.Rewriting;

namespace DockerOpt.Cli.Rendering;

/// <summary>
/// The human part of a rewrite: what each pass changed and why (grouped by pass, with the line in the user's
/// file), what it declined and why, and advice. Behaviour-changing changes are marked so a reviewer knows
/// which ones `dockeropt verify` should prove.
/// </summary>
public static class RewriteReport
{
    private const string Yellow = "\u001b[33m";
    private const string Bold = "\u001b[1m";
    private const string Dim = "\u001b[2m";
    private const string Reset = "\u001b[0m";

    public static string Render(RewriteResult result, string displayPath, bool colour = false)
    {
        ArgumentNullException.ThrowIfNull(result);
        string Paint(string style, string text) => colour ? style + text + Reset : text;

        var builder = new StringBuilder();
        var applied = result.Passes.Where(p => p.Findings.Any(f => f.Kind == FindingKind.Applied)).ToList();
        var changeCount = applied.Sum(p => p.Findings.Count(f => f.Kind == FindingKind.Applied));
        var behaviour = applied.Sum(p => p.Findings.Count(f => f.Kind == FindingKind.Applied && f.ChangesBehaviour));

        if (changeCount == 0)
        {
            builder.Append(CultureInfo.InvariantCulture, $"{displayPath}: nothing to change\n");
        }
        else
        {
            builder.Append(Paint(Bold, string.Create(CultureInfo.InvariantCulture, $"{displayPath}: {changeCount} change{Plural(changeCount)} by {applied.Count} pass{(applied.Count == 1 ? string.Empty : "es")}")));
            builder.Append(behaviour > 0
                ? string.Create(CultureInfo.InvariantCulture, $" ({behaviour} may change behaviour: prove them with 'dockeropt verify')\n")
                : "\n");
            foreach (var pass in applied)
            {
                builder.Append(CultureInfo.InvariantCulture, $"  {Paint(Bold, pass.Info.Id)}: {pass.Info.Title}\n");
                foreach (var finding in pass.Findings.Where(f => f.Kind == FindingKind.Applied))
                {
                    // Each change names its own hadolint rule, the one '# hadolint ignore=' would switch off.
                    var hadolint = finding.HadolintId is { } rule ? $" ({rule})" : string.Empty;
                    var mark = finding.ChangesBehaviour ? "  " + Paint(Yellow, "[changes behaviour]") : string.Empty;
                    builder.Append(CultureInfo.InvariantCulture, $"    line {finding.Line}: {finding.Message}{hadolint}{mark}\n");
                }
            }
        }

        if (result.Role is { } role)
        {
            builder.Append(CultureInfo.InvariantCulture, $"  treated as: {role.Describe()}\n");
        }

        AppendSection(builder, result, FindingKind.Advice, "Advice", s => s);
        AppendSection(builder, result, FindingKind.Declined, "Left alone", s => Paint(Dim, s));
        return builder.ToString();
    }

    private static void AppendSection(StringBuilder builder, RewriteResult result, FindingKind kind, string title, Func<string, string> paint)
    {
        var findings = result.Findings.Where(f => f.Kind == kind).ToList();
        if (findings.Count == 0)
        {
            return;
        }

        builder.Append(CultureInfo.InvariantCulture, $"{title}:\n");
        foreach (var finding in findings)
        {
            builder.Append(paint(string.Create(CultureInfo.InvariantCulture, $"  line {finding.Line}: {finding.PassId}: {finding.Message}"))).Append('\n');
        }
    }

    private static string Plural(int count) => count == 1 ? string.Empty : "s";
}