using System.CommandLine;
using System.Text;
using System.Text.Json;

using DockerOpt.Cli.CommandLine;
using DockerOpt.Cli.Input;
using DockerOpt.Cli.Output;
using DockerOpt.Cli.Rendering;

namespace DockerOpt.Cli.Commands;

/// <summary>
/// <c>dockeropt rewrite</c>: proposes the optimized Dockerfile as a reviewable diff with the reason for every
/// change; <c>--apply</c> writes it (and the .dockerignore) atomically; <c>--check</c> fails CI when a rewrite is
/// pending; <c>--output -</c> prints only the rewritten file.
/// </summary>
public sealed class RewriteCommand : ICommandFactory
{
    private const string DockerignorePassId = "dockerignore";

    public static readonly string[] Examples =
    [
        "dockeropt rewrite                          # ./Dockerfile: diff + the reason for each change",
        "dockeropt rewrite services/ --apply        # write every Dockerfile under services/ (and .dockerignore)",
        "dockeropt rewrite --check                  # CI / pre-commit: exit 1 when a rewrite is pending",
        "dockeropt rewrite api.Dockerfile -o -      # only the rewritten file on stdout",
        "dockeropt rewrite --skip base-image --level aggressive",
    ];

    public Command Create(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Dockerfiles, or directories to search for Dockerfile, Dockerfile.*, *.Dockerfile, Containerfile (default: ./Dockerfile)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var apply = new Option<bool>("--apply") { Description = "Write the rewrite (and the .dockerignore) in place, atomically; keeps encoding, line endings and permissions" };
        var check = new Option<bool>("--check") { Description = "Write nothing; exit 1 when a rewrite is pending (CI, pre-commit)" };
        var diff = new Option<bool>("--diff") { Description = "With --check or --apply, also print the diff" };
        var output = new Option<string?>("--output", "-o") { Description = "Write the rewritten Dockerfile to FILE, or '-' for stdout only", HelpName = "FILE|-" };
        var format = new Option<string>("--format") { Description = "text (diff + reasons) or json", DefaultValueFactory = _ => "text", HelpName = "text|json" };
        format.AcceptOnlyFromAmong("text", "json");
        var noDockerignore = new Option<bool>("--no-dockerignore") { Description = "Do not propose or write a .dockerignore" };
        var passOptions = new PassOptions();

        var command = new Command("rewrite", "Rewrite Dockerfiles into smaller, faster-building, safer ones and show the diff with the reason for each change")
        {
            paths, apply, check, diff, output, format, noDockerignore,
        };
        passOptions.AddTo(command);
        command.SetAction(parseResult =>
        {
            var request = new RewriteRequest(
                parseResult.GetValue(paths) is { Length: > 0 } given ? given : ["Dockerfile"],
                parseResult.GetValue(apply),
                parseResult.GetValue(check),
                parseResult.GetValue(diff),
                parseResult.GetValue(output),
                parseResult.GetValue(passOptions.Context),
                parseResult.GetValue(passOptions.Config),
                passOptions.Selection(parseResult, console),
                parseResult.GetValue(format) ?? "text",
                parseResult.GetValue(noDockerignore));
            return Run(console, request);
        });
        return command;
    }

    private static int Run(CliConsole console, RewriteRequest request)
    {
        if (request.Apply && request.Check)
        {
            throw new UserInputException("dockeropt: --apply and --check cannot be used together (--check never writes)");
        }

        if (request.Output is not null && (request.Apply || request.Check))
        {
            throw new UserInputException($"dockeropt: --output cannot be used with {(request.Apply ? "--apply" : "--check")}");
        }

        if (request.Output is not null && request.Output != "-" && !Directory.Exists(Path.GetDirectoryName(console.Resolve(request.Output))))
        {
            throw new UserInputException($"{request.Output}: the directory to write it in does not exist");
        }

        // Read, parse and rewrite everything first. --no-dockerignore also switches the dockerignore pass off, so
        // its findings do not describe a file never written.
        var selection = request.NoDockerignore ? request.Selection with { Skip = request.Selection.Skip.Add(DockerignorePassId) } : request.Selection;
        var plan = RewritePlanner.Prepare(console, request.Paths, selection, request.ConfigPath, request.Context, !request.NoDockerignore);
        if (request.Output is not null && plan.Rewrites.Count + plan.Unreadable.Count > 1)
        {
            throw new UserInputException("dockeropt: --output takes one Dockerfile, but the paths name several");
        }

        // Writing is all or nothing: one file that does not parse stops --apply before any file is written.
        // Showing (the diff, --check, --format json) goes on with the others and exits 2 at the end.
        if (request.Apply || request.Output is not null)
        {
            plan.ThrowIfAnyUnreadable("nothing was written");
        }

        var prepared = plan.Rewrites;
        var pending = prepared.Any(p => p.Pending);
        if (request.Output == "-")
        {
            console.Out.Write(prepared[0].Result.RewrittenText);
            return pending ? ExitCodes.ChangesPendingOrCheckFailed : ExitCodes.Success;
        }

        // A folder that takes no new files (read-only, no permission) stops the run before the first write, so
        // --apply over several files never leaves some written and others not.
        foreach (var target in WriteTargets(console, request, prepared))
        {
            AtomicFileWriter.EnsureWritable(target);
        }

        if (request.Format == "json")
        {
            WriteJson(console, prepared);
        }

        foreach (var rewrite in prepared)
        {
            if (request.Format != "json")
            {
                if ((!request.Check && !request.Apply && request.Output is null) || request.ShowDiff)
                {
                    WriteDiffs(console, rewrite);
                }

                console.Error.Write(RewriteReport.Render(rewrite.Result, rewrite.File.DisplayPath, console.IsTerminal));
            }

            if (request.Output is not null)
            {
                var target = console.Resolve(request.Output);
                AtomicFileWriter.Write(target, rewrite.Result.RewrittenText, File.Exists(target) ? File.ReadAllBytes(target) : null);
                console.Error.WriteLine($"wrote {DisplayPath.For(target, console.WorkingDirectory)}");
            }
            else if (request.Apply)
            {
                Apply(console, rewrite);
            }
        }

        if (request.Apply || request.Output is not null)
        {
            return ExitCodes.Success;
        }

        if (request.Check && pending)
        {
            var count = prepared.Count(p => p.Pending);
            console.Error.WriteLine($"dockeropt: a rewrite is pending for {count} file{(count == 1 ? string.Empty : "s")} (run 'dockeropt rewrite --apply' to write it)");
        }

        return plan.ReportUnreadable(console.Error, pending ? ExitCodes.ChangesPendingOrCheckFailed : ExitCodes.Success);
    }

    /// <summary>Every file this run will write: the --output file, or with --apply each changed Dockerfile and proposed file.</summary>
    private static IEnumerable<string> WriteTargets(CliConsole console, RewriteRequest request, IReadOnlyList<PreparedRewrite> prepared)
    {
        if (request.Output is { } output && output != "-")
        {
            yield return console.Resolve(output);
        }

        if (!request.Apply)
        {
            yield break;
        }

        foreach (var rewrite in prepared)
        {
            if (rewrite.DockerfileChanges)
            {
                yield return rewrite.File.FullPath;
            }

            foreach (var extra in rewrite.ProposedFiles)
            {
                yield return Path.Combine(rewrite.ContextRoot, extra.RelativePath);
            }
        }
    }

    private static void WriteDiffs(CliConsole console, PreparedRewrite rewrite)
    {
        var file = rewrite.File;
        if (rewrite.DockerfileChanges)
        {
            console.Out.Write(UnifiedDiff.Render(file.Text, rewrite.Result.RewrittenText, $"a/{file.DisplayPath}", $"b/{file.DisplayPath}", console.IsTerminal));
        }

        foreach (var extra in rewrite.ProposedFiles)
        {
            var display = DisplayPath.For(Path.Combine(rewrite.ContextRoot, extra.RelativePath), console.WorkingDirectory);
            console.Out.Write(UnifiedDiff.Render(
                extra.OriginalContent ?? string.Empty,
                extra.Content,
                extra.OriginalContent is null ? "/dev/null" : $"a/{display}",
                $"b/{display}",
                console.IsTerminal));
        }
    }

    private static void Apply(CliConsole console, PreparedRewrite rewrite)
    {
        var file = rewrite.File;
        if (rewrite.DockerfileChanges)
        {
            AtomicFileWriter.Write(file.FullPath, rewrite.Result.RewrittenText, file.Bytes);
            console.Error.WriteLine($"wrote {file.DisplayPath}");
        }

        foreach (var extra in rewrite.ProposedFiles)
        {
            var path = Path.Combine(rewrite.ContextRoot, extra.RelativePath);
            byte[]? expected = null;
            if (extra.OriginalContent is not null)
            {
                // Compare with the bytes on disk when they decode to what the pass read: a BOM or odd bytes must not
                // defeat the changed-since-read check, and a real change since then must still be caught.
                var onDisk = File.Exists(path) ? File.ReadAllBytes(path) : null;
                expected = onDisk is not null && string.Equals(Encoding.UTF8.GetString(onDisk).TrimStart('\uFEFF'), extra.OriginalContent.TrimStart('\uFEFF'), StringComparison.Ordinal)
                    ? onDisk
                    : Encoding.UTF8.GetBytes(extra.OriginalContent);
            }

            AtomicFileWriter.Write(path, extra.Content, expected);
            console.Error.WriteLine($"wrote {DisplayPath.For(path, console.WorkingDirectory)}");
        }
    }

    private static void WriteJson(CliConsole console, IReadOnlyList<PreparedRewrite> rewrites)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            if (rewrites.Count != 1)
            {
                writer.WriteStartArray();
            }

            foreach (var rewrite in rewrites)
            {
                RewriteJson.Write(writer, rewrite.Result, rewrite.File.DisplayPath, rewrite.ProposedFiles);
            }

            if (rewrites.Count != 1)
            {
                writer.WriteEndArray();
            }
        }

        console.Out.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    private sealed record RewriteRequest(
        string[] Paths,
        bool Apply,
        bool Check,
        bool ShowDiff,
        string? Output,
        string? Context,
        string? ConfigPath,
        PassSelection Selection,
        string Format,
        bool NoDockerignore);
}