using System.Diagnostics;
using System.Globalization;

using DockerOpt.TestKit;

using Xunit.Abstractions;

namespace DockerOpt.Fuzz.Tests;

/// <summary>
/// The CI fuzz run: 20,000 mutated corpus files through every property, in worker processes so that a crash or a
/// hang is a failure with its input saved, not a dead test host; 60 of them, spread over the run, also through the
/// real dockeropt process, one command each. A failure names the seed, the index and the saved (minimized) input;
/// `bash scripts/fuzz/run.sh --seed 14 --index I` reproduces it.
/// </summary>
public class CiFuzzRunTests(ITestOutputHelper log)
{
    private const int Seed = 14;
    private const int Inputs = 20_000;

    // The process leg checks what the in-process checks cannot: the exit code the shell sees and the file:line:col line
    // on the real stderr. Every input's outcome (bad input or internal error, and where its message points) is already
    // checked in-process, so the process adds the mapping of outcome and command to exit code and stderr. 60 inputs give
    // each of rewrite --check and lint --format sarif 30 runs, at seed 14 about 13 of them bad input (exit 2) and the
    // rest exit 0 or 1, for ~35 s of CPU (a JIT dockeropt start is ~0.5 s of CPU; 300 inputs x 2 commands took 1,538 s
    // of the 36-min run at load 18-31). `bash scripts/fuzz/run.sh --seed 14 --cli 60` is the same run.
    private const int ThroughTheProcess = 60;

    // Measured in BENCHMARKS.md's fuzzing table; the whole run is a few minutes at load. The limit stays below the
    // test run's --blame-hang-timeout (15 min, scripts/test.sh), so a hang fails here with dockeropt-fuzz's own output.
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(14);

    [CorpusFact]
    public void Twenty_thousand_mutated_corpus_files_never_crash_hang_or_break_a_property_and_the_process_never_exits_3()
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "dockeropt-fuzz.dll"),
            "--inputs", Inputs.ToString(CultureInfo.InvariantCulture),
            "--seed", Seed.ToString(CultureInfo.InvariantCulture),
            "--cli", ThroughTheProcess.ToString(CultureInfo.InvariantCulture),
            "--corpus", Repo.CorpusDirectory,
            "--out", Path.Combine(Repo.Root, "fuzz-failures"),
            "--progress", "30",
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dockeropt-fuzz did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        var finished = process.WaitForExit(Limit);
        if (!finished)
        {
            process.Kill(entireProcessTree: true);
        }

        process.WaitForExit();

        // The summary (inputs, CPU per input, the process leg's exit codes) goes to the test log, also when it passes.
        log.WriteLine(output.Result);
        Assert.True(finished, $"dockeropt-fuzz did not finish in {Limit.TotalMinutes:0} min; its output so far:\n{output.Result}\n{error.Result}");
        Assert.True(process.ExitCode == 0, $"dockeropt-fuzz exited {process.ExitCode}:\n{output.Result}\n{error.Result}");
    }
}