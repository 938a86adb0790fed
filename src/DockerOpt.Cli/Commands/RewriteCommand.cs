using System.CommandLine;
using System.Text;
using System.Text.Json;

using DockerOpt.Cli.CommandLine;
using DockerOpt.Cli.Input;
using DockerOpt.Cli.Output;
using DockerOpt.Cli.Rendering;
using DockerOpt.Core.BuildContext;
using DockerOpt.Core.Passes;
using DockerOpt.Core.Rewriting;
using DockerOpt.Transforms;

namespace DockerOpt.Cli.Commands;

/// <summary>
/// <c>dockeropt rewrite</c>: proposes the optimized Dockerfile as a reviewable diff with the reason for every
/// change; <c>--apply</c> writes it (and the .dockerignore) atomically; <c>--check</c> fails CI when a rewrite is
/// pending; <c>--output -</c> prints only the rewritten file.
/// </summary>
public sealed class RewriteCommand : ICommandFactory
{
    public Command Create(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Dockerfiles or directories to search for them (default: ./Dockerfile)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var apply = new Option<bool>("--apply") { Description = "Write the rewrite (and the .dockerignore) in place, atomically" };
        var check = new Option<bool>("--check") { Description = "Write nothing; exit 1 when a rewrite is pending (CI, pre-commit)" };
        var diff = new Option<bool>("--diff") { Description = "With --check or --apply, also print the diff" };
        var output = new Option<string?>("--output", "-o") { Description = "Write the rewritten Dockerfile to FILE, or '-' for stdout only" };
        var context = new Option<string?>("--context") { Description = "The build context directory (default: the Dockerfile's directory)" };
        var only = new Option<string[]>("--only") { Description = "Run only these pass ids (comma-separated)", AllowMultipleArgumentsPerToken = true };
        var skip = new Option<string[]>("--skip") { Description = "Never run these pass ids (comma-separated)", AllowMultipleArgumentsPerToken = true };
        var level = new Option<string>("--level") { Description = "safe (default) or aggressive (alpine/distroless and other bolder swaps)", DefaultValueFactory = _ => "safe" };
        level.AcceptOnlyFromAmong("safe", "aggressive");
        var format = new Option<string>("--format") { Description = "text (diff + reasons) or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var noDockerignore = new Option<bool>("--no-dockerignore") { Description = "Do not propose or write a .dockerignore" };

        var command = new Command("rewrite", "Rewrite Dockerfiles into smaller, faster-building, safer ones and show the diff with the reason for each change")
        {
            paths, apply, check, diff, output, context, only, skip, level, format, noDockerignore,
        };
        command.SetAction(parseResult =>
        {
            var request = new RewriteRequest(
                parseResult.GetValue(paths) is { Length: > 0 } given ? given : ["Dockerfile"],
                parseResult.GetValue(apply),
                parseResult.GetValue(check),
                parseResult.GetValue(diff),
                parseResult.GetValue(output),
                parseResult.GetValue(context),
                PassSelection.Create(parseResult.GetValue(only), parseResult.GetValue(skip), parseResult.GetValue(level)),
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

        var files = DockerfileDiscovery.Find(request.Paths, console.Resolve);
        if (request.Output is not null && files.Count > 1)
        {
            throw new UserInputException("dockeropt: --output takes one Dockerfile, but the paths name several");
        }

        // Read and parse everything first: a bad file stops the run before anything is written.
        var loaded = files.Select(f => LoadedDockerfile.Load(f, DisplayPath.For(f, console.WorkingDirectory))).ToList();
        var rewriter = PassRegistry.CreateRewriter();
        var pending = false;
        var json = request.Format == "json" ? new List<(RewriteResult, string)>() : null;
        var results = new List<(LoadedDockerfile File, RewriteResult Result, IReadOnlyList<GeneratedFile> Files, string ContextRoot)>();

        foreach (var file in loaded)
        {
            var contextRoot = request.Context is null ? Path.GetDirectoryName(file.FullPath)! : console.Resolve(request.Context);
            if (!Directory.Exists(contextRoot))
            {
                throw new UserInputException($"{request.Context}: the build context directory does not exist");
            }

            var result = rewriter.Rewrite(file.Text, file.DisplayPath, new FileSystemBuildContext(contextRoot), request.Options);
            var generated = request.NoDockerignore ? [] : result.Files.Where(f => f.Content != f.OriginalContent).ToList();
            pending |= !string.Equals(result.RewrittenText, file.Text, StringComparison.Ordinal) || generated.Count > 0;
            results.Add((file, result, generated, contextRoot));
        }

        foreach (var (file, result, generated, contextRoot) in results)
        {
            if (request.Output == "-")
            {
                console.Out.Write(result.RewrittenText);
                continue;
            }

            if (json is not null)
            {
                json.Add((result, file.DisplayPath));
            }
            else if (!request.Check || request.ShowDiff)
            {
                if (!request.Apply || request.ShowDiff)
                {
                    WriteDiffs(console, file, result, generated, contextRoot);
                }
            }

            if (json is null)
            {
                console.Error.Write(RewriteReport.Render(result, file.DisplayPath));
            }

            if (request.Output is not null)
            {
                var target = console.Resolve(request.Output);
                AtomicFileWriter.Write(target, result.RewrittenText, File.Exists(target) ? File.ReadAllBytes(target) : null);
            }
            else if (request.Apply)
            {
                Apply(console, file, result, generated, contextRoot);
            }
        }

        if (json is not null)
        {
            WriteJson(console, json);
        }

        if (request.Apply || request.Output is not null)
        {
            return ExitCodes.Success;
        }

        if (request.Check && pending)
        {
            console.Error.WriteLine("dockeropt: a rewrite is pending (run 'dockeropt rewrite --apply' to write it)");
        }

        return pending ? ExitCodes.ChangesPendingOrCheckFailed : ExitCodes.Success;
    }

    private static void WriteDiffs(CliConsole console, LoadedDockerfile file, RewriteResult result, IReadOnlyList<GeneratedFile> generated, string contextRoot)
    {
        if (!string.Equals(result.RewrittenText, file.Text, StringComparison.Ordinal))
        {
            console.Out.Write(UnifiedDiff.Render(file.Text, result.RewrittenText, $"a/{file.DisplayPath}", $"b/{file.DisplayPath}", console.IsTerminal));
        }

        foreach (var extra in generated)
        {
            var display = DisplayPath.For(Path.Combine(contextRoot, extra.RelativePath), console.WorkingDirectory);
            console.Out.Write(UnifiedDiff.Render(
                extra.OriginalContent ?? string.Empty,
                extra.Content,
                extra.OriginalContent is null ? "/dev/null" : $"a/{display}",
                $"b/{display}",
                console.IsTerminal));
        }
    }

    private static void Apply(CliConsole console, LoadedDockerfile file, RewriteResult result, IReadOnlyList<GeneratedFile> generated, string contextRoot)
    {
        if (!string.Equals(result.RewrittenText, file.Text, StringComparison.Ordinal))
        {
            AtomicFileWriter.Write(file.FullPath, result.RewrittenText, file.Bytes);
            console.Error.WriteLine($"wrote {file.DisplayPath}");
        }

        foreach (var extra in generated)
        {
            var path = Path.Combine(contextRoot, extra.RelativePath);
            var expected = extra.OriginalContent is null ? null : Encoding.UTF8.GetBytes(extra.OriginalContent);
            if (expected is not null && File.Exists(path))
            {
                // Compare with the bytes on disk, not a re-encoding: a BOM or odd bytes must not defeat the check.
                var onDisk = File.ReadAllBytes(path);
                expected = Encoding.UTF8.GetString(onDisk) == extra.OriginalContent ? onDisk : expected;
            }

            AtomicFileWriter.Write(path, extra.Content, expected);
            console.Error.WriteLine($"wrote {DisplayPath.For(path, console.WorkingDirectory)}");
        }
    }

    private static void WriteJson(CliConsole console, List<(RewriteResult Result, string Path)> results)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            if (results.Count != 1)
            {
                writer.WriteStartArray();
            }

            foreach (var (result, path) in results)
            {
                RewriteJson.Write(writer, result, path);
            }

            if (results.Count != 1)
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
        RewriteOptions Options,
        string Format,
        bool NoDockerignore);
}