using System.CommandLine;
using System.Text;
using System.Text.Json;

using DockerOpt.Cli.CommandLine;
using DockerOpt.Cli.Input;
using DockerOpt.Cli.Output;
using DockerOpt.Cli.Rendering;
using DockerOpt.Core.Passes;
using DockerOpt.Syntax;

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
            Description = "Dockerfiles, or directories to search for Dockerfile, Dockerfile.*, *.Dockerfile, Containerfile (default: ./Dockerfile); "
                + "the search does not follow links to directories and skips, with a warning, a subdirectory it may not read",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var apply = new Option<bool>("--apply")
        {
            Description = "Write the rewrite (and the .dockerignore) in place: every file or none, each atomically; keeps encoding, line endings and permissions; "
                + "a symbolic link is written through to its target; a read-only file is refused (see --force)",
        };
        var check = new Option<bool>("--check") { Description = "Write nothing; exit 1 when a rewrite is pending (CI, pre-commit)" };
        var diff = new Option<bool>("--diff") { Description = "With --check or --apply, also print the diff" };
        var output = new Option<string?>("--output", "-o") { Description = "Write the rewritten Dockerfile to FILE, or '-' for stdout only", HelpName = "FILE|-" };
        var format = new Option<string>("--format") { Description = "text (diff + reasons) or json", DefaultValueFactory = _ => "text", HelpName = "text|json" };
        format.AcceptOnlyFromAmong("text", "json");
        var noDockerignore = new Option<bool>("--no-dockerignore") { Description = "Do not propose or write a .dockerignore" };
        var force = new Option<bool>("--force") { Description = "With --apply or --output, also replace read-only files (they keep their mode)" };
        var passOptions = new PassOptions();

        var command = new Command("rewrite", "Rewrite Dockerfiles into smaller, faster-building, safer ones and show the diff with the reason for each change")
        {
            paths, apply, check, diff, output, format, noDockerignore, force,
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
                parseResult.GetValue(noDockerignore),
                parseResult.GetValue(force));
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

        // Every file is checked and its new text staged beside it before anything is printed or replaced: a target
        // that cannot be written (a directory, a FIFO, a read-only file, a folder that takes no new files) stops the run
        // with every file as it was, and the renames come only after all of that succeeded.
        using var transaction = FileTransaction.Prepare(PlannedWrites(console, request, prepared), request.Force);

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
        }

        if (request.Apply || request.Output is not null)
        {
            transaction.Commit();
            foreach (var written in transaction.DisplayNames)
            {
                console.Error.WriteLine($"wrote {written}");
            }

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
    /// <exception cref="UserInputException">Two Dockerfiles propose different texts for one file beside them.</exception>
    private static List<PlannedWrite> PlannedWrites(CliConsole console, RewriteRequest request, IReadOnlyList<PreparedRewrite> prepared)
    {
        var writes = new List<PlannedWrite>();
        if (request.Output is { } output && output != "-")
        {
            // The named output is replaced whatever it holds, but only when it is a regular file: anything else (a
            // FIFO) is refused by the transaction without being opened.
            var target = console.Resolve(output);
            var current = RegularFile.Exists(target) ? ReadForReplacement(target, output) : null;
            writes.Add(new PlannedWrite(target, prepared[0].Result.RewrittenText, current) { DisplayName = DisplayPath.For(target, console.WorkingDirectory) });
        }

        if (!request.Apply)
        {
            return writes;
        }

        var proposedBy = new Dictionary<string, (string Text, string Dockerfile)>(StringComparer.Ordinal);
        foreach (var rewrite in prepared)
        {
            var file = rewrite.File;
            if (rewrite.DockerfileChanges)
            {
                writes.Add(new PlannedWrite(file.FullPath, rewrite.Result.RewrittenText, file.Bytes) { DisplayName = file.DisplayPath });
            }

            foreach (var extra in rewrite.ProposedFiles)
            {
                var path = Path.Combine(rewrite.ContextRoot, extra.RelativePath);
                var display = DisplayPath.For(path, console.WorkingDirectory);
                if (proposedBy.TryGetValue(path, out var earlier))
                {
                    // Dockerfiles that share a build context each planned against the same original file.
                    if (!string.Equals(earlier.Text, extra.Content, StringComparison.Ordinal))
                    {
                        throw new UserInputException($"{display}: {earlier.Dockerfile} and {file.DisplayPath} propose different contents for it; nothing written (rewrite them one at a time, or use --no-dockerignore)");
                    }

                    continue;
                }

                proposedBy.Add(path, (extra.Content, file.DisplayPath));
                writes.Add(new PlannedWrite(path, extra.Content, ExpectedCurrent(path, display, extra)) { DisplayName = display });
            }
        }

        return writes;
    }

    /// <summary>The bytes a proposed file's writer expects on disk: null when the pass saw no such file.</summary>
    private static byte[]? ExpectedCurrent(string path, string display, GeneratedFile extra)
    {
        if (extra.OriginalContent is null)
        {
            return null;
        }

        // Compare with the bytes on disk when they decode to what the pass read: a BOM or odd bytes must not defeat the
        // changed-since-read check, and a real change since then must still be caught.
        var onDisk = RegularFile.Exists(path) ? ReadForReplacement(path, display) : null;
        return onDisk is not null && string.Equals(Encoding.UTF8.GetString(onDisk).TrimStart('\uFEFF'), extra.OriginalContent.TrimStart('\uFEFF'), StringComparison.Ordinal)
            ? onDisk
            : Encoding.UTF8.GetBytes(extra.OriginalContent);
    }

    private static byte[] ReadForReplacement(string path, string display)
    {
        try
        {
            return RegularFile.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException($"{display}: cannot read it before replacing it ({IoFailure.Reason(ex)}); nothing written", ex);
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
        bool NoDockerignore,
        bool Force);
}