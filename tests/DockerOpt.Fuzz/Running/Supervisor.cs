using System.Diagnostics;
using System.Globalization;
using System.Text;

using DockerOpt.Fuzz.Generation;
using DockerOpt.Fuzz.Properties;

namespace DockerOpt.Fuzz.Running;

/// <summary>
/// Runs the inputs in worker processes (one per core), so that what only kills a process (a stack overflow, running
/// out of memory) or hangs it is caught, pinned on its input by (seed, index) and saved, and the run goes on from the
/// next index. Prints progress and a summary; the exit code says whether anything failed.
/// </summary>
internal sealed class Supervisor(FuzzOptions options, string corpusDirectory, InputGenerator generator, FailureStore store, TextWriter console)
{
    // Beyond the time limit, before a silent worker is killed: start-up, and GC pauses under load.
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(10);

    // The limit is CPU time; on a loaded machine a worker within it may take much longer on the clock. A worker silent
    // for this many times its patience on the clock is killed even so (one that waits for something, not computing).
    private const int ClockBackstop = 20;

    // A worker minimizing a failure re-checks it many times (Minimizer bounds that at 20 s plus one slow check).
    private static readonly TimeSpan MinimizingAllowance = TimeSpan.FromSeconds(30);

    // Each worker's managed heap: a runaway allocation fails inside the worker instead of taking the shared machine.
    private const string HeapHardLimit = "0x80000000";

    private readonly FailureTally failures = new();
    private readonly WorkerStats stats = new();
    private long started;

    public FailureTally Failures => failures;

    public int Run()
    {
        var end = options.Start + options.Inputs;
        var workers = (int)Math.Max(1, Math.Min(options.Workers, options.Inputs));
        var clock = Stopwatch.StartNew();
        console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fuzz: seed {options.Seed}, inputs {options.Start}..{end - 1}, {workers} worker processes, {options.TimeLimit.TotalSeconds:0} s per input; failures go to {store.Directory}"));
        using var finished = new CountdownEvent(workers);
        for (var w = 0; w < workers; w++)
        {
            var first = options.Start + w;
            new Thread(() =>
            {
                try
                {
                    RunSlot(first, workers, end);
                }
                finally
                {
                    finished.Signal();
                }
            })
            { IsBackground = true, Name = $"fuzz-worker-{w}" }.Start();
        }

        while (!finished.Wait(options.Progress))
        {
            var done = Interlocked.Read(ref started);
            var rate = done / Math.Max(0.001, clock.Elapsed.TotalSeconds);
            var eta = rate > 0 ? TimeSpan.FromSeconds((options.Inputs - done) / rate) : TimeSpan.Zero;
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fuzz: {done}/{options.Inputs} inputs ({rate:0}/s), {failures.Total} failures, ETA {eta:hh\\:mm\\:ss}"));
        }

        clock.Stop();
        lock (stats)
        {
            // Every started input was checked or failed by killing its worker; the workers' own counts miss the latter.
            var checkedInputs = Interlocked.Read(ref started);
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fuzz: {checkedInputs} inputs checked in {clock.Elapsed.TotalSeconds:0.0} s ({checkedInputs / Math.Max(0.001, clock.Elapsed.TotalSeconds):0} inputs/s), {stats.BadInput} refused as bad input (exit 2)"));
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fuzz: {stats.CpuMilliseconds / (double)Math.Max(1, stats.Checked):0.0} ms of CPU per input (the checks alone), slowest input {stats.SlowestMilliseconds} ms of CPU (index {stats.SlowestIndex}), most allocated by one input {stats.MostAllocatedMegabytes} MB"));
        }

        return failures.Total == 0 ? 0 : 1;
    }

    /// <summary>Prints the failures by kind (after the end-to-end check added its own); returns the exit code.</summary>
    public int Summarize()
    {
        if (failures.Total == 0)
        {
            console.WriteLine($"fuzz: OK, no failure (seed {options.Seed})");
            return 0;
        }

        console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fuzz: FAILED: {failures.Total} failing inputs of {failures.Kinds} kinds (seed {options.Seed}); inputs saved under {store.Directory}"));
        console.Write(failures.Render(options.Seed));
        return 1;
    }

    /// <summary>One worker slot: indices first, first+step, ...; restarted after the input that killed or hung it.</summary>
    private void RunSlot(long first, int step, long end)
    {
        var next = first;
        while (next < end)
        {
            var (current, finished, failure) = RunWorker(next, step, end);
            if (finished)
            {
                return;
            }

            if (current < 0)
            {
                // Died before its first input: nothing to pin it on, and restarting would fail the same way.
                failures.Add(next, $"{Property.Crash}: worker did not start", "-", failure?.Detail ?? "worker did not start");
                return;
            }

            var input = generator.Generate(options.Seed, current);
            var path = store.Save(input, failure!, minimized: null);
            failures.Add(current, failure!.Signature, path, failure.Detail);
            console.WriteLine($"fuzz: FAIL seed {options.Seed} index {current}: {failure.Property}: {failure.Detail.Split('\n')[0]} -> {path}");
            next = current + step;
        }
    }

    private (long Current, bool Finished, PropertyFailure? Failure) RunWorker(long first, int step, long end)
    {
        WorkerStats? counts = null;
        try
        {
            return RunWorker(first, step, end, update => counts = update);
        }
        finally
        {
            if (counts is not null)
            {
                lock (stats)
                {
                    stats.Add(counts);
                }
            }
        }
    }

    private (long Current, bool Finished, PropertyFailure? Failure) RunWorker(long first, int step, long end, Action<WorkerStats> counts)
    {
        using var process = StartWorker(first, step, end);
        var errors = new StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            lock (errors)
            {
                if (e.Data is not null && errors.Length < 16_384)
                {
                    errors.AppendLine(e.Data);
                }
            }
        };
        process.BeginErrorReadLine();

        long current = -1;
        var patience = options.TimeLimit + Grace;
        var silence = Stopwatch.StartNew();
        var cpuAtLine = CpuOf(process);
        while (true)
        {
            var read = process.StandardOutput.ReadLineAsync();
            while (!read.Wait(TimeSpan.FromSeconds(1)))
            {
                // Killed when its CPU time since its last line passes the patience: the load of the machine does not count.
                var cpu = CpuOf(process) - cpuAtLine;
                if (cpu > patience || silence.Elapsed > patience * ClockBackstop)
                {
                    process.Kill(entireProcessTree: true);
                    process.WaitForExit();
                    return (current, false, new PropertyFailure(Property.Time, $"no result after {cpu.TotalSeconds:0} s of CPU ({silence.Elapsed.TotalSeconds:0} s on the clock): the worker was killed (limit {options.TimeLimit.TotalSeconds:0} s of CPU per input)"));
                }
            }

            var line = read.Result;

            if (line is null)
            {
                process.WaitForExit();
                string tail;
                lock (errors)
                {
                    tail = errors.ToString();
                }

                return (current, false, new PropertyFailure(Property.Crash, CrashDetail(process.ExitCode, tail)));
            }

            silence.Restart();
            cpuAtLine = CpuOf(process);
            patience = options.TimeLimit + Grace;
            switch (line[0])
            {
                case 'S':
                    current = long.Parse(line.AsSpan(2), CultureInfo.InvariantCulture);
                    Interlocked.Increment(ref started);
                    break;
                case 'M':
                    patience += MinimizingAllowance;
                    break;
                case 'F':
                    var parts = line[2..].Split('\t');
                    failures.Add(long.Parse(parts[0], CultureInfo.InvariantCulture), parts[2], parts[3], parts[4]);
                    console.WriteLine($"fuzz: FAIL seed {options.Seed} index {parts[0]}: {parts[1]}: {parts[4]} -> {parts[3]}");
                    break;
                case 'P':
                    counts(WorkerStats.Parse(line)!);
                    break;
                case 'D':
                    counts(WorkerStats.Parse(line)!);
                    process.WaitForExit();
                    return (current, true, null);
            }
        }
    }

    private Process StartWorker(long first, int step, long end)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // Under `dotnet dockeropt-fuzz.dll` the process is the dotnet host and the tool's dll is its first argument.
        var entry = typeof(Supervisor).Assembly.Location;
        if (!string.IsNullOrEmpty(entry) && !string.Equals(Path.GetFileNameWithoutExtension(Environment.ProcessPath), "dockeropt-fuzz", StringComparison.Ordinal))
        {
            start.ArgumentList.Add(entry);
        }

        foreach (var argument in options.WorkerArguments(first, step, end, store.Directory, corpusDirectory))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_GCHeapHardLimit"] = HeapHardLimit;
        return Process.Start(start) ?? throw new InvalidOperationException("the worker process did not start");
    }

    private static TimeSpan CpuOf(Process process)
    {
        try
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Exited: the read that follows sees the end of its output.
            return TimeSpan.Zero;
        }
    }

    // "exit 134: Stack overflow." and the innermost dockeropt frames the runtime printed.
    private static string CrashDetail(int exitCode, string stderr)
    {
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var message = lines.FirstOrDefault() ?? "(nothing on stderr)";
        var frames = lines.Where(l => l.StartsWith("at DockerOpt.", StringComparison.Ordinal)).Distinct().Take(4);
        return string.Create(CultureInfo.InvariantCulture, $"worker died with exit code {exitCode}: {message}\n  {string.Join("\n  ", frames)}");
    }
}