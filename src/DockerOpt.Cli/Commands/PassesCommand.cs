using System.CommandLine;
using System.Globalization;
using System.Text;

using DockerOpt.Cli.CommandLine;
using DockerOpt.Core.Passes;

namespace DockerOpt.Cli.Commands;

/// <summary><c>dockeropt passes</c>: every pass in the order rewrite runs them, with its safety, category and title.</summary>
public sealed class PassesCommand : ICommandFactory
{
    public static readonly string[] Examples =
    [
        "dockeropt passes",
        "dockeropt explain merge-run",
    ];

    public Command Create(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var command = new Command("passes", "List the passes in the order rewrite runs them (id, safety, category, title)");
        command.SetAction(_ =>
        {
            console.Out.Write(Render(console.Passes.Select(p => p.Info).ToList()));
            return ExitCodes.Success;
        });
        return command;
    }

    public static string Render(IReadOnlyList<PassInfo> passes)
    {
        ArgumentNullException.ThrowIfNull(passes);
        var builder = new StringBuilder();
        if (passes.Count == 0)
        {
            return "no passes are registered in this build\n";
        }

        var rows = passes.Select(p => (p.Id, Safety: SafetyText(p.Safety), Category: p.Category.ToString().ToLowerInvariant(), Title: p.Title + HadolintSuffix(p))).ToList();
        var idWidth = Math.Max(2, rows.Max(r => r.Id.Length));
        var safetyWidth = Math.Max(6, rows.Max(r => r.Safety.Length));
        var categoryWidth = Math.Max(8, rows.Max(r => r.Category.Length));
        builder.Append(CultureInfo.InvariantCulture, $"{"ID".PadRight(idWidth)}  {"SAFETY".PadRight(safetyWidth)}  {"CATEGORY".PadRight(categoryWidth)}  TITLE\n");
        foreach (var row in rows)
        {
            builder.Append(CultureInfo.InvariantCulture, $"{row.Id.PadRight(idWidth)}  {row.Safety.PadRight(safetyWidth)}  {row.Category.PadRight(categoryWidth)}  {row.Title}\n");
        }

        builder.Append("\nsafe: same behaviour; changes-behaviour: runs by default, marked for 'dockeropt verify'; aggressive: only with --level aggressive.\n");
        builder.Append("Details: dockeropt explain ID\n");
        return builder.ToString();
    }

    /// <summary>How a safety is written for people: <c>safe</c>, <c>changes-behaviour</c>, <c>aggressive</c>.</summary>
    public static string SafetyText(PassSafety safety) => safety switch
    {
        PassSafety.Safe => "safe",
        PassSafety.ChangesBehaviour => "changes-behaviour",
        _ => "aggressive",
    };

    private static string HadolintSuffix(PassInfo info) =>
        info.HadolintIds.IsDefaultOrEmpty ? string.Empty : $" ({string.Join(", ", info.HadolintIds)})";
}