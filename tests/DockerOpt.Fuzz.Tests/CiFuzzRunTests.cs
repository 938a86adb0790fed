using System.Diagnostics;
using System.Globalization;

using DockerOpt.TestKit;

namespace DockerOpt.Fuzz.Tests;

/// <summary>
/// The CI fuzz run: 20,000 mutated corpus files through every property, in worker processes so that a crash or a
/// hang is a failure with its input saved, not a dead test host; 300 of them also through the real dockeropt
/// process. A failure names the seed, the index and the saved (minimized) input; `bash scripts/fuzz/run.sh --seed
/// 14 --index I` reproduces it.
/// </summary>
public class CiFuzzRunTests
{
    private const int Seed = 14;
    private const int Inputs = 20_000;
    private const int ThroughTheProcess = 300;

    // Runs (CI=true or corpus present) once issue 14's defects 1 and 3-6 are fixed on main: until then it fails on them, as the
    // BENCHMARKS.md fuzzing table shows. Remove the Skip then; `bash scripts/fuzz/run.sh --seed 14 --cli 300` is the same run.
    [CorpusFact(Skip = "issue 14: defects 1-5 are fixed on main (4df4b03) but this run has not been tried there yet, and defect 6 (super-linear passes) is open; remove this Skip once the run passes")]
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
        if (!process.WaitForExit(TimeSpan.FromMinutes(15)))
        {
            process.Kill(entireProcessTree: true);
        }

        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"dockeropt-fuzz exited {process.ExitCode}:\n{output.Result}\n{error.Result}");
    }
}