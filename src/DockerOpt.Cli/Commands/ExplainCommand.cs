using System.CommandLine;
using System.Globalization;
using System.Text;

using DockerOpt.Cli.CommandLine;
using DockerOpt.Core.Passes;

namespace DockerOpt.Cli.Commands;

/// <summary>
/// <c>dockeropt explain ID</c>: what a pass does and why, what it leaves alone, a before/after example, and the
/// hadolint rules of the same meaning. A hadolint id (<c>DL3015</c>) finds the pass that shares it.
/// </summary>
public sealed class ExplainCommand : ICommandFactory
{
    public static readonly string[] Examples =
    [
        "dockeropt explain merge-run",
        "dockeropt explain DL3015          # the pass that shares a hadolint rule's meaning",
    ];

    public Command Create(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var id = new Argument<string>("ID") { Description = "A pass id (see 'dockeropt passes') or a hadolint rule id" };
        var command = new Command("explain", "Explain a pass: what it does and why, its exclusions, a before/after example, hadolint ids") { id };
        command.SetAction(parseResult =>
        {
            var wanted = parseResult.GetRequiredValue(id).Trim();
            var pass = console.FindPass(wanted)
                ?? console.Passes.FirstOrDefault(p => !p.Info.HadolintIds.IsDefault && p.Info.HadolintIds.Contains(wanted, StringComparer.OrdinalIgnoreCase))
                ?? throw new UserInputException(
                    $"dockeropt: unknown pass id '{wanted}'; known passes: {string.Join(", ", console.Passes.Select(p => p.Info.Id))} (see 'dockeropt passes')");
            console.Out.Write(Render(pass.Info));
            return ExitCodes.Success;
        });
        return command;
    }

    public static string Render(PassInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        var builder = new StringBuilder();
        builder.Append(CultureInfo.InvariantCulture, $"{info.Id}: {info.Title}\n");
        builder.Append(CultureInfo.InvariantCulture, $"safety: {PassesCommand.SafetyText(info.Safety)}   category: {info.Category.ToString().ToLowerInvariant()}");
        builder.Append(info.HadolintIds.IsDefaultOrEmpty
            ? "   hadolint: none of the same meaning\n"
            : $"   hadolint: {string.Join(", ", info.HadolintIds)} (same meaning; '# hadolint ignore=' for them is honoured)\n");
        builder.Append('\n').Append(Wrap(info.Summary, "  ")).Append('\n');
        builder.Append(info.Safety switch
        {
            PassSafety.ChangesBehaviour => "\n  Its changes can alter what the image does: they are marked [changes behaviour] and 'dockeropt verify' checks them.\n",
            PassSafety.Aggressive => "\n  Runs only with --level aggressive (or 'level: aggressive' in .dockeropt.yaml).\n",
            _ => string.Empty,
        });

        var roles = info.Roles.LeafAppsOnly
            ? "leaf apps only; base images, builder/CI/dev images, tools that need privileges and test fixtures are left alone with their role as the reason (--role app says a file is an app):"
            : "every kind (leaf apps, base images, builder/CI/dev images, tools, test fixtures):";
        builder.Append("\nImages it changes:\n").Append(Wrap($"{roles} {info.Roles.Why}.", "  ")).Append('\n');

        if (!info.Exclusions.IsDefaultOrEmpty)
        {
            builder.Append("\nLeaves alone:\n");
            foreach (var exclusion in info.Exclusions)
            {
                builder.Append(Wrap(exclusion, "  - ", "    ")).Append('\n');
            }
        }

        if (!string.IsNullOrWhiteSpace(info.ExampleBefore))
        {
            builder.Append("\nBefore:\n").Append(Indent(info.ExampleBefore));
            builder.Append("\nAfter:\n").Append(Indent(info.ExampleAfter));
        }

        builder.Append(CultureInfo.InvariantCulture, $"\nSwitch it off: --skip {info.Id}, 'skip: [{info.Id}]' in .dockeropt.yaml, or '# dockeropt ignore={info.Id}' above an instruction.\n");
        return builder.ToString();
    }

    private static string Indent(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
        return string.Concat(lines.Select(l => "    " + l + "\n"));
    }

    // Wraps prose at 100 columns so explain reads well in an 80-120 column terminal.
    private static string Wrap(string text, string firstIndent, string? nextIndent = null)
    {
        nextIndent ??= firstIndent;
        var builder = new StringBuilder(firstIndent);
        var column = firstIndent.Length;
        var lineHasWord = false;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (lineHasWord && column + 1 + word.Length > 100)
            {
                builder.Append('\n').Append(nextIndent);
                column = nextIndent.Length;
                lineHasWord = false;
            }

            if (lineHasWord)
            {
                builder.Append(' ');
                column++;
            }

            builder.Append(word);
            column += word.Length;
            lineHasWord = true;
        }

        return builder.ToString();
    }
}