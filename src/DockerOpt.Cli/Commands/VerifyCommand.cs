using System.CommandLine;
using System.Text;
using System.Text.Json;

using DockerOpt.Cli.CommandLine;
using DockerOpt.Cli.Configuration;
using DockerOpt.Cli.Input;
using DockerOpt.Cli.Rendering;
using DockerOpt.Core.BuildContext;
using DockerOpt.Core.Rewriting;
using DockerOpt.Engine.Engines;
using DockerOpt.Engine.Errors;
using DockerOpt.Engine.Verification;

namespace DockerOpt.Cli.Commands;

/// <summary>
/// <c>dockeropt verify [PATH]</c>: rewrites the Dockerfile in memory, builds the original and the rewrite on a real
/// engine, and shows both side by side (size, pull size, layers, waste, cold and warm build times) with the
/// outcome of the smoke test or HTTP probe. Exit 0 when the rewrite builds and passes, 1 when it does not,
/// 3 when the engine or the original is at fault.
/// </summary>
public sealed class VerifyCommand : ICommandFactory
{
    public static readonly string[] Examples =
    [
        "dockeropt verify                                   # build ./Dockerfile before and after, side by side",
        "dockeropt verify examples/go/Dockerfile --http 8080/healthz",
        "dockeropt verify --smoke \"node --version\" --bisect  # find the pass to blame if the rewrite breaks it",
        "dockeropt verify --builder remote --format json    # on a buildx builder, for machines",
    ];

    public Command Create(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var path = new Argument<string?>("PATH") { Description = "The Dockerfile (default: ./Dockerfile)", Arity = ArgumentArity.ZeroOrOne };
        var engine = EngineCommandOptions.Engine();
        var builder = new Option<string?>("--builder") { Description = "Build with this docker buildx builder (remote or Kubernetes BuildKit)" };
        var smoke = new Option<string?>("--smoke") { Description = "Run \"CMD ARGS\" in both images: same exit code and output required" };
        var http = new Option<string?>("--http") { Description = "Start both images and GET PORT[/path]: both must answer" };
        var timeout = new Option<string>("--timeout") { Description = "Longest time for each build or check (e.g. 90s, 10m)", DefaultValueFactory = _ => "10m" };
        var keepImages = new Option<bool>("--keep-images") { Description = "Leave the built images in the engine" };
        var bisect = new Option<bool>("--bisect") { Description = "When the rewrite fails, find the pass that broke it" };
        var noWarm = new Option<bool>("--no-warm") { Description = "Skip the warm rebuild measurement (after a one-line source edit)" };
        var passOptions = new PassOptions();
        var format = EngineCommandOptions.Format();
        var command = new Command("verify", "Build the original and the rewrite on a real engine and prove the rewrite works and is smaller")
        {
            path, engine, builder, smoke, http, timeout, keepImages, bisect, noWarm, format,
        };
        passOptions.AddTo(command);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var options = new VerifyOptions(
                parseResult.GetValue(path) ?? "Dockerfile",
                parseResult.GetValue(passOptions.Context),
                parseResult.GetValue(passOptions.Config),
                EngineCommandOptions.ParseEngine(parseResult.GetValue(engine), parseResult.GetValue(builder)),
                parseResult.GetValue(smoke),
                parseResult.GetValue(http),
                EngineCommandOptions.ParseDuration(parseResult.GetValue(timeout) ?? "10m", "--timeout"),
                parseResult.GetValue(keepImages),
                parseResult.GetValue(bisect),
                !parseResult.GetValue(noWarm),
                passOptions.Selection(parseResult, console),
                parseResult.GetValue(format) ?? "text");
            return RunAsync(console, options, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, VerifyOptions options, CancellationToken cancellationToken)
    {
        var rewritePlan = RewritePlanner.Prepare(console, [options.Path], options.Passes, options.ConfigPath, options.Context, includeGeneratedFiles: true);
        rewritePlan.ThrowIfAnyUnreadable("nothing was built");
        var prepared = rewritePlan.Rewrites;
        if (prepared.Count != 1)
        {
            throw new UserInputException($"dockeropt: verify takes one Dockerfile, but {options.Path} names {prepared.Count}");
        }

        var plan = prepared[0];
        var display = plan.File.DisplayPath;
        var request = CreateRequest(console, plan, options);
        if (request is null)
        {
            await console.Error.WriteLineAsync($"{display}: nothing to verify: no pass changes this Dockerfile").ConfigureAwait(false);
            return ExitCodes.Success;
        }

        VerifyReport report;
        try
        {
            var verifier = new Verifier(new ContainerEngine(options.Engine));
            report = await EngineVerifyProgress.RunAsync(
                console.Error,
                console.IsTerminal,
                progress => verifier.VerifyAsync(request, progress, cancellationToken)).ConfigureAwait(false);
        }
        catch (EngineException ex)
        {
            return EngineConsole.ReportEngineFailure(console, ex);
        }

        if (options.Format == "json")
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
            {
                EngineVerifyJson.Write(writer, display, report);
            }

            await console.Out.WriteLineAsync(Encoding.UTF8.GetString(stream.ToArray())).ConfigureAwait(false);
        }
        else
        {
            EngineVerifyReport.Render(EngineConsole.For(console.Out, console.IsTerminal), display, report);
        }

        return report.Passed ? ExitCodes.Success : ExitCodes.ChangesPendingOrCheckFailed;
    }

    /// <summary>The verification request for the file's rewrite, or null when no pass changes anything.</summary>
    private static VerifyRequest? CreateRequest(CliConsole console, PreparedRewrite plan, VerifyOptions options)
    {
        if (!plan.Pending)
        {
            return null;
        }

        var file = plan.File;
        var result = plan.Result;
        var dockerignore = plan.ProposedFiles.FirstOrDefault(static generated => generated.RelativePath == ".dockerignore");
        var smoke = options.Smoke is null
            ? null
            : CommandLineSplitter.Split(options.Smoke) ?? throw new UserInputException($"dockeropt: --smoke {options.Smoke}: a quote is not closed");
        var http = options.Http is null
            ? null
            : HttpProbe.Parse(options.Http) ?? throw new UserInputException($"dockeropt: --http {options.Http}: expected PORT or PORT/path, e.g. 8080/health");

        var rewriter = new Rewriter(CatalogOverrides.Apply(console.Passes, plan.Config));
        var buildContext = new FileSystemBuildContext(plan.ContextRoot);
        var rewriteOptions = options.Passes.For(plan.Config);
        return new VerifyRequest(file.FullPath, plan.ContextRoot, result.RewrittenText)
        {
            SmokeCommand = smoke is null ? null : [.. smoke],
            Http = http,
            Timeout = options.Timeout,
            KeepImages = options.KeepImages,
            Bisect = options.Bisect,
            MeasureWarmRebuild = options.MeasureWarmRebuild,
            RewrittenDockerignore = dockerignore?.Content,
            AppliedPassIds = [.. result.Passes.Where(static pass => pass.Changed).Select(static pass => pass.Info.Id)],
            RewriteWithout = off => rewriter.Rewrite(
                file.Text,
                file.DisplayPath,
                buildContext,
                rewriteOptions with { Skip = rewriteOptions.Skip.Union(off) }).RewrittenText,
        };
    }

    private sealed record VerifyOptions(
        string Path,
        string? Context,
        string? ConfigPath,
        EngineOptions Engine,
        string? Smoke,
        string? Http,
        TimeSpan Timeout,
        bool KeepImages,
        bool Bisect,
        bool MeasureWarmRebuild,
        PassSelection Passes,
        string Format);
}