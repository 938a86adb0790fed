using System.Collections.Immutable;
using System.CommandLine;
using System.Text;
using System.Text.Json;

using DockerOpt.Cli.CommandLine;
using DockerOpt.Cli.Configuration;
using DockerOpt.Cli.Input;
using DockerOpt.Cli.Rendering;
using DockerOpt.Cli.Verification;
using DockerOpt.Core.BuildContext;
using DockerOpt.Core.Rewriting;
using DockerOpt.Engine.Engines;
using DockerOpt.Engine.Errors;
using DockerOpt.Engine.Verification;

namespace DockerOpt.Cli.Commands;

/// <summary>
/// <c>dockeropt verify [PATH...]</c>: rewrites the Dockerfile in memory, builds the original and the rewrite on a real
/// engine, and shows both side by side (size as the engine reports it, pull size, layers, waste, cold and warm
/// build times with their spread) with the outcome of the smoke test or HTTP probe. Exit 0 when the rewrite builds
/// and passes, 1 when it does not, 2 when the input is at fault (the original included), 3 when the engine is.
/// Directories (or several paths) are searched like <c>rewrite DIR</c> and every Dockerfile found is verified,
/// <c>--jobs N</c> at a time, with a live summary, one closing table and the worst exit code of them all.
/// </summary>
public sealed class VerifyCommand : ICommandFactory
{
    public static readonly string[] Examples =
    [
        "dockeropt verify                                   # build ./Dockerfile before and after, side by side",
        "dockeropt verify examples/go/Dockerfile --http 8080/healthz --expect ok",
        "dockeropt verify --http 3000/api/health --env NODE_ENV=production --env-file test.env",
        "dockeropt verify --smoke \"node --version\" --bisect  # find the pass to blame if the rewrite breaks it",
        "dockeropt verify --runs 5 --cold-runs 3            # steadier timings: medians of more runs",
        "dockeropt verify --builder remote --format json    # on a buildx builder, for machines",
        "dockeropt verify services/ --jobs 2 --format junit > verify.xml   # every Dockerfile below services/, a JUnit report",
        "dockeropt verify --docker-context build-1          # on another host's engine (or set DOCKER_HOST)",
    ];

    /// <summary>What <c>verify --help</c> shows between the options and the examples.</summary>
    public static readonly string[] HelpSections =
    [
        "Checks (each runs on the original first; the rewrite must do the same):",
        "  --http PORT[/PATH]   PORT is the port the app listens on inside the container, PATH what to GET (default /):",
        "                       --http 8080/healthz publishes 8080 on a free port of 127.0.0.1 and GETs /healthz until",
        "                       it answers (up to 1 minute). A 2xx or 3xx answer passes; the rewrite must answer with",
        "                       the original's status. --expect TEXT: the body must also contain TEXT.",
        "  --smoke \"CMD ARGS\"   runs as 'docker run IMAGE CMD ARGS'; the same exit code and output are required.",
        "  --env K=V, --env-file FILE   for every container the checks start (repeatable, as 'docker run').",
        "  Per Dockerfile, a verify: section of .dockeropt.yaml gives the same by path glob (http, expect, smoke, env);",
        "  the command line wins over it.",
        "",
        "Many Dockerfiles: a directory (or several paths) verifies every Dockerfile found, --jobs N at a time (default 1);",
        "one that fails does not stop the others. A live summary runs on standard error, then one table; --format json",
        "or junit writes a report to standard output (the table then goes to standard error). The exit code is the",
        "worst of them all. Ctrl-C stops every running verification and removes what each one built.",
        "",
        "Engines: --engine podman, or a Docker engine elsewhere through DOCKER_HOST or --docker-context NAME; the HTTP",
        "probe then connects to the engine's host (a unix socket: this machine; tcp://HOST or ssh://HOST: HOST, with the",
        "port published on all of that host's interfaces). --builder NAME builds on a buildx builder and loads the image",
        "(--load) into the engine that runs the checks.",
        "",
        "Timings: the table shows the median of the runs and their range (min-max); a change whose ranges overlap is",
        "marked \"within noise\". Cold builds run once unless --cold-runs says more (each repeats every download and",
        "compile); warm rebuilds after a one-line source edit run --runs times (default 3), alternating the two images.",
        "",
        "Exit codes:",
        "  0  the rewrite builds and passes every check (or no pass changes the Dockerfile)",
        "  1  the rewrite does not build, or it fails a check that the original passes",
        "  2  bad input: a Dockerfile or option that cannot be used, or an ORIGINAL that does not build or fails its own",
        "     check (verify stops right there, before the rewrite is built: fix the Dockerfile or the check first)",
        "  3  the engine failed (no docker, no daemon, a timeout), an internal error, or the run was cancelled",
    ];

    public Command Create(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var paths = new Argument<string[]>("PATH") { Description = "Dockerfiles or directories to search (default: ./Dockerfile)", Arity = ArgumentArity.ZeroOrMore };
        var jobs = new Option<int>("--jobs") { Description = "With many Dockerfiles: how many to verify at a time", DefaultValueFactory = _ => 1 };
        var engine = EngineCommandOptions.Engine();
        var dockerContext = EngineCommandOptions.DockerContext();
        var builder = new Option<string?>("--builder") { Description = "Build with this docker buildx builder (remote or Kubernetes BuildKit)" };
        var smoke = new Option<string?>("--smoke") { Description = "Run \"CMD ARGS\" in both images: same exit code and output required" };
        var http = new Option<string?>("--http") { Description = "Start both images and GET PORT[/PATH], e.g. 8080/healthz: both must answer alike (see below)" };
        var expect = new Option<string?>("--expect") { Description = "With --http: the response body must contain TEXT" };
        var env = new Option<string[]>("--env") { Description = "K=V (or K, taken from here) for the check containers; repeatable", Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = false };
        var envFile = new Option<string[]>("--env-file") { Description = "A file of K=V lines for the check containers; repeatable", Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = false };
        var runs = new Option<int>("--runs") { Description = "Warm rebuilds per image; the median and spread are shown", DefaultValueFactory = _ => 3 };
        var coldRuns = new Option<int>("--cold-runs") { Description = "Cold builds per image; the median and spread are shown", DefaultValueFactory = _ => 1 };
        var timeout = new Option<string>("--timeout") { Description = "Longest time for each build or check (e.g. 90s, 10m)", DefaultValueFactory = _ => "10m" };
        var keepImages = new Option<bool>("--keep-images") { Description = "Leave the built images in the engine" };
        var bisect = new Option<bool>("--bisect") { Description = "When the rewrite fails, find the pass that broke it" };
        var noWarm = new Option<bool>("--no-warm") { Description = "Skip the warm rebuild measurement (after a one-line source edit)" };
        var passOptions = new PassOptions();
        var format = new Option<string>("--format") { Description = "text (default), json or junit (JUnit XML for CI)", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "junit");
        var command = new Command("verify", "Build the original and the rewrite on a real engine and prove the rewrite works and is smaller")
        {
            paths, engine, dockerContext, builder, smoke, http, expect, env, envFile, timeout, runs, coldRuns, keepImages, bisect, noWarm, jobs, format,
        };
        passOptions.AddTo(command);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var given = parseResult.GetValue(paths) ?? [];
            var options = new VerifyOptions(
                given.Length == 0 ? ["Dockerfile"] : given,
                parseResult.GetValue(passOptions.Context),
                parseResult.GetValue(passOptions.Config),
                EngineCommandOptions.ParseEngine(parseResult.GetValue(engine), parseResult.GetValue(builder), parseResult.GetValue(dockerContext)),
                new VerifyChecks(parseResult.GetValue(http), parseResult.GetValue(expect), parseResult.GetValue(smoke), [.. CheckEnvironment(parseResult.GetValue(env) ?? [])]),
                ResolveEnvFiles(console, parseResult.GetValue(envFile) ?? []),
                EngineCommandOptions.ParseDuration(parseResult.GetValue(timeout) ?? "10m", "--timeout"),
                AtLeastOne(parseResult.GetValue(runs), "--runs"),
                AtLeastOne(parseResult.GetValue(coldRuns), "--cold-runs"),
                parseResult.GetValue(keepImages),
                parseResult.GetValue(bisect),
                !parseResult.GetValue(noWarm),
                passOptions.Selection(parseResult, console),
                AtLeastOne(parseResult.GetValue(jobs), "--jobs", "Dockerfiles at a time"),
                parseResult.GetValue(format) ?? "text");
            if (options.Checks.Http is not null)
            {
                ParseHttp(options.Checks.Http);
            }
            return RunAsync(console, options, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, VerifyOptions options, CancellationToken cancellationToken)
    {
        var rewritePlan = RewritePlanner.Prepare(console, options.Paths, options.Passes, options.ConfigPath, options.Context, includeGeneratedFiles: true);
        var many = options.Paths.Length > 1 || rewritePlan.Rewrites.Count + rewritePlan.Unreadable.Count > 1
            || options.Paths.Any(path => Directory.Exists(console.Resolve(path))) || options.Format == "junit";
        if (many)
        {
            return await RunManyAsync(console, options, rewritePlan, cancellationToken).ConfigureAwait(false);
        }

        rewritePlan.ThrowIfAnyUnreadable("nothing was built");
        var plan = rewritePlan.Rewrites[0];
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
            await WriteJsonAsync(console, writer => EngineVerifyJson.Write(writer, display, report)).ConfigureAwait(false);
        }
        else
        {
            EngineVerifyReport.Render(EngineConsole.For(console.Out, console.IsTerminal), display, report, options.Engine.ExecutableOrDefault);
        }

        return report.Passed ? ExitCodes.Success : ExitCodes.ChangesPendingOrCheckFailed;
    }

    /// <summary>
    /// Every Dockerfile the paths name, <c>--jobs</c> at a time: a file that cannot be read or whose checks are wrong is
    /// bad input in the table and the others go on; the exit code is the worst of them all.
    /// </summary>
    private static async Task<int> RunManyAsync(CliConsole console, VerifyOptions options, RewritePlan rewritePlan, CancellationToken cancellationToken)
    {
        var jobs = new List<VerifyJob>();
        foreach (var unreadable in rewritePlan.Unreadable)
        {
            jobs.Add(VerifyJob.AlreadyDecided(new VerifyOutcome(UnreadablePath(unreadable.Message), VerifyVerdict.BadInput, TimeSpan.Zero) { Message = unreadable.Message }));
        }

        foreach (var plan in rewritePlan.Rewrites)
        {
            var display = plan.File.DisplayPath;
            try
            {
                jobs.Add(CreateRequest(console, plan, options) is { } request
                    ? VerifyJob.ToVerify(display, request)
                    : VerifyJob.AlreadyDecided(new VerifyOutcome(display, VerifyVerdict.NothingToVerify, TimeSpan.Zero) { Message = "no pass changes this Dockerfile" }));
            }
            catch (UserInputException ex)
            {
                jobs.Add(VerifyJob.AlreadyDecided(new VerifyOutcome(display, VerifyVerdict.BadInput, TimeSpan.Zero) { Message = ex.Message }));
            }
        }

        var startedAt = DateTimeOffset.UtcNow;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var verifier = new Verifier(new ContainerEngine(options.Engine));
        var outcomes = await VerifyBatchProgress.RunAsync(
            console.Error,
            console.IsTerminal,
            [.. jobs.Select(static job => job.DisplayPath)],
            observer => VerifyBatch.RunAsync(jobs, verifier, options.Jobs, observer, cancellationToken)).ConfigureAwait(false);
        var wallTime = clock.Elapsed;

        // Every verification has removed its images by now; a cancelled run ends as any cancelled command does.
        cancellationToken.ThrowIfCancellationRequested();
        var reportGoesToOutput = options.Format == "text";
        VerifyBatchTable.Render(
            EngineConsole.For(reportGoesToOutput ? console.Out : console.Error, reportGoesToOutput && console.IsTerminal),
            outcomes,
            wallTime,
            options.Jobs,
            options.Engine.ExecutableOrDefault);
        if (options.Format == "json")
        {
            await WriteJsonAsync(console, writer => VerifyBatchJson.Write(writer, outcomes, wallTime, options.Jobs)).ConfigureAwait(false);
        }
        else if (options.Format == "junit")
        {
            VerifyJunit.Write(console.Out, outcomes, wallTime, startedAt);
            await console.Out.WriteLineAsync().ConfigureAwait(false);
        }

        return VerifyOutcome.Summarise(outcomes);
    }

    private static async Task WriteJsonAsync(CliConsole console, Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            write(writer);
        }

        await console.Out.WriteLineAsync(Encoding.UTF8.GetString(stream.ToArray())).ConfigureAwait(false);
    }

    /// <summary>The file a <c>file:line:col: message</c> (or <c>file: message</c>) names.</summary>
    private static string UnreadablePath(string message)
    {
        var colon = message.IndexOf(": ", StringComparison.Ordinal);
        var head = colon < 0 ? message : message[..colon];
        var parts = head.Split(':');
        return parts.Length >= 3 && parts[^1].All(char.IsDigit) && parts[^2].All(char.IsDigit) ? string.Join(':', parts[..^2]) : head;
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
        // The ignore file in force: the context's .dockerignore, or the Dockerfile's own <name>.dockerignore.
        var dockerignore = plan.ProposedFiles.FirstOrDefault(static generated => generated.RelativePath.EndsWith(".dockerignore", StringComparison.Ordinal));
        var checks = options.Checks.Over(plan.Config.VerifyChecksFor(file.FullPath));
        if (checks.Expect is not null && checks.Http is null)
        {
            throw new UserInputException("dockeropt: --expect checks the body of the --http answer: give --http PORT[/PATH] too");
        }

        var smoke = checks.Smoke is null
            ? null
            : CommandLineSplitter.Split(checks.Smoke) ?? throw new UserInputException($"dockeropt: --smoke {checks.Smoke}: a quote is not closed");
        var http = checks.Http is null ? null : ParseHttp(checks.Http);

        var rewriter = new Rewriter(console.CreatePasses(ConfiguredPassSettings.For(plan.Config)));
        var buildContext = new FileSystemBuildContext(plan.ContextRoot);
        var rewriteOptions = plan.Options;
        return new VerifyRequest(file.FullPath, plan.ContextRoot, result.RewrittenText)
        {
            SmokeCommand = smoke is null ? null : [.. smoke],
            Http = http is null ? null : http with { Expect = checks.Expect },
            Container = new ContainerSettings { Environment = checks.Environment, EnvironmentFiles = options.EnvFiles },
            Timeout = options.Timeout,
            WarmRuns = options.WarmRuns,
            ColdRuns = options.ColdRuns,
            KeepImages = options.KeepImages,
            Bisect = options.Bisect,
            MeasureWarmRebuild = options.MeasureWarmRebuild,
            RewrittenDockerignore = dockerignore?.Content,
            AppliedPassIds = [.. result.Passes.Where(static pass => pass.Changed).Select(static pass => pass.Info.Id)],
            RewriteWithout = off => rewriter.Rewrite(
                file.Text,
                file.DisplayPath,
                buildContext,
                rewriteOptions with { Skip = rewriteOptions.Skip.Union(off) },
                RewritePlanner.PathInContext(file.FullPath, plan.ContextRoot)).RewrittenText,
        };
    }

    private static int AtLeastOne(int value, string option, string what = "runs") =>
        value >= 1 ? value : throw new UserInputException($"dockeropt: {option} {value}: expected a number of {what}, 1 or more");

    private static HttpProbe ParseHttp(string http) =>
        HttpProbe.Parse(http) ?? throw new UserInputException($"dockeropt: --http {http}: expected PORT or PORT/PATH, e.g. 8080/healthz");

    /// <summary><c>--env</c> as docker takes it: <c>K=V</c>, or <c>K</c> to pass this process's value on.</summary>
    private static string[] CheckEnvironment(string[] environment)
    {
        foreach (var variable in environment)
        {
            var equals = variable.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? variable : variable[..equals];
            if (name.Length == 0 || name.Any(char.IsWhiteSpace))
            {
                throw new UserInputException($"dockeropt: --env '{variable}': expected NAME=value or NAME");
            }
        }

        return environment;
    }

    /// <summary><c>--env-file</c> paths checked here, so a typo is bad input before anything is built rather than an engine error later.</summary>
    private static ImmutableArray<string> ResolveEnvFiles(CliConsole console, string[] files) =>
        [.. files.Select(file => File.Exists(console.Resolve(file))
            ? console.Resolve(file)
            : throw new UserInputException($"dockeropt: --env-file {file}: no such file"))];

    private sealed record VerifyOptions(
        string[] Paths,
        string? Context,
        string? ConfigPath,
        EngineOptions Engine,
        VerifyChecks Checks,
        ImmutableArray<string> EnvFiles,
        TimeSpan Timeout,
        int WarmRuns,
        int ColdRuns,
        bool KeepImages,
        bool Bisect,
        bool MeasureWarmRebuild,
        PassSelection Passes,
        int Jobs,
        string Format);
}