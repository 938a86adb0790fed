using System.CommandLine;
using System.Text;
using System.Text.Json;

using DockerOpt.Cli.CommandLine;
using DockerOpt.Cli.Input;
using DockerOpt.Cli.Lint;
using DockerOpt.Cli.Rendering;

namespace DockerOpt.Cli.Commands;

/// <summary>
/// <c>dockeropt lint</c>: the findings behind the rewrites as diagnostics with stable ids (the pass ids, with the
/// hadolint rules of the same meaning), for people (text), tools (json), code scanning (sarif) and pull-request
/// annotations (github). Writes nothing.
/// </summary>
public sealed class LintCommand : ICommandFactory
{
    public static readonly string[] Examples =
    [
        "dockeropt lint                                   # ./Dockerfile",
        "dockeropt lint . --format sarif > dockeropt.sarif # every Dockerfile below ., for code scanning",
        "dockeropt lint --format github                   # annotations in a GitHub Actions job",
        "dockeropt lint --fail-level info                 # fail on advice too",
    ];

    public Command Create(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Dockerfiles, or directories to search for them (default: ./Dockerfile)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var format = new Option<string>("--format") { Description = "text, json, sarif (SARIF 2.1.0) or github (workflow annotations)", DefaultValueFactory = _ => "text", HelpName = "text|json|sarif|github" };
        format.AcceptOnlyFromAmong("text", "json", "sarif", "github");
        var failLevel = new Option<string>("--fail-level") { Description = "The lowest severity that makes the exit code 1: error, warning (the default) or info", DefaultValueFactory = _ => "warning", HelpName = "error|warning|info" };
        failLevel.AcceptOnlyFromAmong("error", "warning", "info");
        var passOptions = new PassOptions();
        var command = new Command("lint", "Report what rewrite would change, and advice, as diagnostics with stable ids (hadolint ids where the meaning is the same)")
        {
            paths, format, failLevel,
        };
        passOptions.AddTo(command);
        command.SetAction(parseResult => Run(
            console,
            parseResult.GetValue(paths) is { Length: > 0 } given ? given : ["Dockerfile"],
            passOptions.Selection(parseResult, console),
            parseResult.GetValue(passOptions.Config),
            parseResult.GetValue(passOptions.Context),
            parseResult.GetValue(format) ?? "text",
            parseResult.GetValue(failLevel) switch { "error" => LintSeverity.Error, "info" => LintSeverity.Info, _ => LintSeverity.Warning }));
        return command;
    }

    private static int Run(CliConsole console, string[] paths, PassSelection selection, string? config, string? context, string format, LintSeverity failLevel)
    {
        // A file that does not parse is reported (file:line:col) and the others are still linted; the exit code is 2 then.
        var plan = RewritePlanner.Prepare(console, paths, selection, config, context, includeGeneratedFiles: true);
        var prepared = plan.Rewrites;
        var diagnostics = prepared.SelectMany(LintDiagnostics.From).ToList();
        var files = prepared.Select(p => p.File.DisplayPath).ToList();
        var treated = prepared.Select(p => new LintedFile(p.File.DisplayPath, p.Result)).ToList();
        switch (format)
        {
            case "json":
                console.Out.WriteLine(Json(writer => LintJson.Write(writer, files, diagnostics, treated)));
                break;
            case "sarif":
                console.Out.WriteLine(Json(writer => LintSarif.Write(writer, console.Passes, diagnostics, ToolVersion.Current, treated)));
                break;
            case "github":
                console.Out.Write(LintGitHub.Render(diagnostics));
                break;
            default:
                console.Out.Write(LintText.Render(diagnostics, files.Count, console.IsTerminal, treated));
                break;
        }

        return plan.ReportUnreadable(console.Error, diagnostics.Any(d => d.Severity >= failLevel) ? ExitCodes.ChangesPendingOrCheckFailed : ExitCodes.Success);
    }

    private static string Json(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}