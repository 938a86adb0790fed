using System.Globalization;
using System.Text;

using DockerOpt.Cli.Lint;

namespace DockerOpt.Cli.Rendering;

/// <summary>
/// Lint diagnostics as GitHub Actions workflow commands (<c>::warning file=Dockerfile,line=3,col=1,title=...::message</c>),
/// which the runner turns into annotations on the pull request. Values are escaped as the runner expects
/// (<c>%</c>, CR, LF everywhere; also <c>:</c> and <c>,</c> in properties).
/// </summary>
public static class LintGitHub
{
    public static string Render(IReadOnlyList<LintDiagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var builder = new StringBuilder();
        foreach (var d in diagnostics)
        {
            var command = d.Severity switch { LintSeverity.Error => "error", LintSeverity.Warning => "warning", _ => "notice" };
            var title = $"dockeropt {d.RuleLabel}";
            var message = $"{d.Message} (see: {d.ExplainCommand})";
            builder.Append(CultureInfo.InvariantCulture,
                $"::{command} file={Property(d.Path.Replace('\\', '/'))},line={d.Line},col={d.Column},title={Property(title)}::{Data(message)}\n");
        }

        return builder.ToString();
    }

    private static string Data(string value) =>
        value.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    private static string Property(string value) =>
        Data(value).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}