using System.Collections.Immutable;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

using DockerOpt.Cli.CommandLine;
using DockerOpt.Cli.Input;
using DockerOpt.Cli.Lint;
using DockerOpt.Cli.Rendering;
using DockerOpt.Core.Passes;
using DockerOpt.Syntax;

namespace DockerOpt.Fuzz.Properties;

/// <summary>
/// Checks one input in-process through the entry points the CLI commands use, in their order: the loader and the
/// parse outputs (tree dump, JSON, round trip), the rewrite planner (read, configure, rewrite), every rendering of
/// rewrite and lint, then --apply's result rewritten again. Exceptions are classified as the CLI does: a
/// <see cref="UserInputException"/> is bad input (exit 2), anything else is an internal error (exit 3).
/// </summary>
internal sealed partial class PropertyChecker
{
    private const string FileName = "Dockerfile";
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);
    private static readonly PassSelection DefaultSelection = new([], [], null);

    private readonly string sandbox;
    private readonly CliConsole console;
    private readonly ResourceLimits limits;

    /// <param name="sandbox">An empty directory of this checker's own: the input is written there as <c>Dockerfile</c>.</param>
    /// <param name="passes">The passes (the registry's; tests give others).</param>
    /// <param name="limits">Time and allocation per input.</param>
    public PropertyChecker(string sandbox, ImmutableArray<IRewritePass> passes, ResourceLimits limits)
    {
        this.sandbox = sandbox;
        this.limits = limits;
        Directory.CreateDirectory(sandbox);
        console = new CliConsole(TextWriter.Null, TextWriter.Null, IsTerminal: false, sandbox) { CreatePasses = _ => passes };
    }

    public CheckOutcome Check(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ClearSandbox();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var cpuBefore = ProcessCpu();
        var clock = Stopwatch.StartNew();
        var badInput = false;
        PropertyFailure? failure;
        try
        {
            failure = CheckParse(bytes) ?? CheckRewrite(bytes, out badInput);
        }
        catch (UserInputException ex)
        {
            badInput = true;
            failure = CheckBadInputMessage(ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            failure = new PropertyFailure(Property.InternalError, Describe(ex));
        }

        clock.Stop();
        var cpu = ProcessCpu() - cpuBefore;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        if (failure is null && cpu > limits.Time)
        {
            failure = new PropertyFailure(Property.Time, $"took {cpu.TotalSeconds:0.0} s of CPU (limit {limits.Time.TotalSeconds:0} s) for {bytes.Length} bytes");
        }

        if (failure is null && allocated > limits.AllocationFor(bytes.Length))
        {
            failure = new PropertyFailure(Property.Memory, $"allocated {allocated >> 20} MB (allowance {limits.AllocationFor(bytes.Length) >> 20} MB) for {bytes.Length} bytes");
        }

        return new CheckOutcome(failure, badInput, clock.Elapsed, cpu, allocated);
    }

    // The worker checks one input at a time on one thread: the process's CPU time is the check's, whatever the load.
    private static TimeSpan ProcessCpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    /// <summary>What an unexpected exception says: type, message and the innermost frames of dockeropt's code.</summary>
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var frames = (exception.StackTrace ?? string.Empty)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(frame => frame.Contains("DockerOpt.", StringComparison.Ordinal) && !frame.Contains("DockerOpt.Fuzz", StringComparison.Ordinal))
            .Take(6);
        return $"{exception.GetType().Name}: {exception.Message.Split('\n')[0]}\n  {string.Join("\n  ", frames)}";
    }

    // parse, parse --format json, parse --roundtrip.
    private static PropertyFailure? CheckParse(byte[] bytes)
    {
        var loaded = DockerfileLoader.Decode(bytes, FileName);
        if (loaded.AllDiagnostics.FirstOrDefault(d => d.Line < 1 || d.Column < 1) is { } misplaced)
        {
            return new PropertyFailure(Property.DiagnosticLocation, $"parse diagnostic at line {misplaced.Line}, column {misplaced.Column}: {misplaced}");
        }

        if (loaded.Syntax is not { } syntax)
        {
            return null;
        }

        var printed = Encoding.UTF8.GetBytes(syntax.ToFullString());
        if (!printed.AsSpan().SequenceEqual(bytes))
        {
            var at = bytes.AsSpan().CommonPrefixLength(printed);
            return new PropertyFailure(Property.RoundTrip, $"printed tree differs from the input at byte {at} (input {bytes.Length} bytes, printed {printed.Length})");
        }

        _ = SyntaxTreeDumper.Dump(syntax);
        _ = ParseJsonWriter.ToJson(syntax);
        return null;
    }

    // rewrite (text, json), lint (text, json, sarif, github), then rewrite of the applied rewrite.
    private PropertyFailure? CheckRewrite(byte[] bytes, out bool badInput)
    {
        File.WriteAllBytes(Path.Combine(sandbox, FileName), bytes);
        var plan = RewritePlanner.Prepare(console, [FileName], DefaultSelection, configPath: null, contextDirectory: null, includeGeneratedFiles: true);
        badInput = plan.Unreadable.Count > 0;
        if (badInput)
        {
            return plan.Unreadable.Select(error => CheckBadInputMessage(error.Message)).FirstOrDefault(f => f is not null);
        }

        var rewrite = plan.Rewrites[0];
        var failure = Render(rewrite);
        if (failure is not null)
        {
            return failure;
        }

        var rewritten = rewrite.Result.RewrittenText;
        var reparsed = DockerfileLoader.Decode(Utf8NoBom.GetBytes(rewritten), FileName);
        if (reparsed.Syntax is null || reparsed.AllDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            var error = reparsed.AllDiagnostics.First(d => d.Severity == DiagnosticSeverity.Error);
            return new PropertyFailure(Property.RewriteParses, $"the rewrite does not parse: {error}");
        }

        return CheckIdempotence(rewrite);
    }

    private PropertyFailure? Render(PreparedRewrite rewrite)
    {
        var result = rewrite.Result;
        _ = RewriteReport.Render(result, FileName);
        _ = UnifiedDiff.Render(rewrite.File.Text, result.RewrittenText, $"a/{FileName}", $"b/{FileName}", colour: false);
        _ = Json(writer => RewriteJson.Write(writer, result, FileName, rewrite.ProposedFiles));

        var diagnostics = LintDiagnostics.From(rewrite);
        _ = LintText.Render(diagnostics, 1, colour: false);
        _ = Json(writer => LintJson.Write(writer, [FileName], diagnostics));
        _ = Json(writer => LintSarif.Write(writer, console.Passes, diagnostics, "fuzz"));
        _ = LintGitHub.Render(diagnostics);

        var lines = rewrite.File.Syntax.Source.Lines.Length;
        return diagnostics.FirstOrDefault(d => d.Line < 1 || d.Line > lines || d.Column < 1) is { } misplaced
            ? new PropertyFailure(Property.DiagnosticLocation, $"lint finding of {misplaced.RuleId} at {misplaced.Line}:{misplaced.Column}, the file has {lines} lines: {misplaced.Message}")
            : null;
    }

    // --apply writes the Dockerfile and the proposed files; a second rewrite must then find nothing to do.
    private PropertyFailure? CheckIdempotence(PreparedRewrite first)
    {
        File.WriteAllBytes(Path.Combine(sandbox, FileName), Utf8NoBom.GetBytes(first.Result.RewrittenText));
        foreach (var proposed in first.ProposedFiles)
        {
            File.WriteAllBytes(Path.Combine(first.ContextRoot, proposed.RelativePath), Utf8NoBom.GetBytes(proposed.Content));
        }

        var plan = RewritePlanner.Prepare(console, [FileName], DefaultSelection, configPath: null, contextDirectory: null, includeGeneratedFiles: true);
        if (plan.Unreadable.Count > 0)
        {
            return new PropertyFailure(Property.Idempotence, $"the rewrite is refused when rewritten again: {plan.Unreadable[0].Message.Split('\n')[0]}");
        }

        var second = plan.Rewrites[0];
        if (second.DockerfileChanges)
        {
            var passes = string.Join(", ", second.Result.Passes.Where(p => p.Changed).Select(p => p.Info.Id));
            return new PropertyFailure(Property.Idempotence, $"a second rewrite changes the Dockerfile again ({passes}): {FirstDifference(second.File.Text, second.Result.RewrittenText)}");
        }

        return second.ProposedFiles.Count > 0
            ? new PropertyFailure(Property.Idempotence, $"a second rewrite proposes {second.ProposedFiles[0].RelativePath} again")
            : null;
    }

    private static PropertyFailure? CheckBadInputMessage(string message)
    {
        var unlocated = message.Split('\n').FirstOrDefault(line => !LocatedMessage().IsMatch(line));
        return unlocated is null ? null : new PropertyFailure(Property.BadInputLocation, $"bad input without file:line:col: {unlocated}");
    }

    private static string FirstDifference(string before, string after)
    {
        var at = before.AsSpan().CommonPrefixLength(after);
        var line = before.AsSpan(0, at).Count('\n') + 1;
        string Around(string text) => text.Substring(at, Math.Min(60, text.Length - at)).ReplaceLineEndings("⏎");
        return $"line {line}: '{Around(before)}' becomes '{Around(after)}'";
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

    private void ClearSandbox()
    {
        foreach (var file in Directory.EnumerateFiles(sandbox))
        {
            File.Delete(file);
        }
    }

    [GeneratedRegex(@"^Dockerfile:\d+:\d+: ")]
    private static partial Regex LocatedMessage();
}