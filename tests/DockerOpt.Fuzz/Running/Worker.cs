using DockerOpt.Fuzz.Generation;
using DockerOpt.Fuzz.Properties;
using DockerOpt.Transforms;

namespace DockerOpt.Fuzz.Running;

/// <summary>
/// A worker process: generates and checks its share of the indices in-process, minimizes and saves the first few
/// failures of each kind, and reports every event to the supervisor on stdout (<see cref="WorkerProtocol"/>).
/// A crash or hang here ends only this process; the supervisor pins it on the last started index.
/// </summary>
internal sealed class Worker(FuzzOptions options, InputGenerator generator, FailureStore store, TextWriter output)
{
    private const int MinimizedPerSignature = 3;
    private const int SavedPerSignature = 10;
    private const int StatsEvery = 200;

    private static readonly byte[] WarmUp = "FROM node:20\nWORKDIR /app\nCOPY package.json ./\nRUN apt-get update && apt-get install -y curl && npm install\nCOPY . .\nCMD [\"node\", \"server.js\"]\n"u8.ToArray();

    private readonly Dictionary<string, int> seen = new(StringComparer.Ordinal);

    public int Run()
    {
        var sandbox = Path.Combine(ScratchDirectory.Root, $"dockeropt-fuzz-{Environment.ProcessId}");
        var checker = new PropertyChecker(sandbox, PassRegistry.All, ResourceLimits.Default with { Time = options.TimeLimit });
        var stats = new WorkerStats();
        try
        {
            // The first check compiles most of dockeropt: done on a small file first, so it is not charged to an input.
            _ = checker.Check(WarmUp);
            var step = options.WorkerStep ?? 1;
            for (var index = options.Start; index < options.Start + options.Inputs; index += step)
            {
                output.WriteLine(WorkerProtocol.Started(index));
                output.Flush();
                var input = generator.Generate(options.Seed, index);
                var outcome = checker.Check(input.Bytes);
                stats.Checked++;
                stats.BadInput += outcome.BadInput ? 1 : 0;
                stats.CpuMilliseconds += (long)outcome.Cpu.TotalMilliseconds;
                if ((long)outcome.Cpu.TotalMilliseconds > stats.SlowestMilliseconds)
                {
                    stats.SlowestMilliseconds = (long)outcome.Cpu.TotalMilliseconds;
                    stats.SlowestIndex = index;
                }

                stats.MostAllocatedMegabytes = Math.Max(stats.MostAllocatedMegabytes, outcome.AllocatedBytes >> 20);
                if (outcome.Failure is { } failure)
                {
                    Report(checker, input, failure);
                }

                if (stats.Checked % StatsEvery == 0)
                {
                    output.WriteLine(WorkerProtocol.Stats(stats, done: false));
                }
            }
        }
        finally
        {
            TryDelete(sandbox);
        }

        output.WriteLine(WorkerProtocol.Stats(stats, done: true));
        output.Flush();
        return 0;
    }

    private void Report(PropertyChecker checker, FuzzInput input, PropertyFailure failure)
    {
        var count = seen[failure.Signature] = seen.GetValueOrDefault(failure.Signature) + 1;
        var path = "-";
        if (count <= SavedPerSignature)
        {
            // Time and memory failures are not minimized: each check of them is slow by definition.
            if (count <= MinimizedPerSignature)
            {
                output.WriteLine(WorkerProtocol.Minimizing(input.Index));
                output.Flush();
            }

            var minimized = count <= MinimizedPerSignature && failure.Property is not (Property.Time or Property.Memory)
                ? Minimizer.Minimize(input.Bytes, candidate => checker.Check(candidate).Failure?.Property == failure.Property)
                : null;
            path = store.Save(input, failure, minimized);
        }

        output.WriteLine(WorkerProtocol.Failed(input.Index, failure.Property, failure.Signature, path, failure.Detail));
        output.Flush();
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}