using DockerOpt.Fuzz.Generation;
using DockerOpt.Fuzz.Properties;
using DockerOpt.Transforms;

namespace DockerOpt.Fuzz.Running;

/// <summary>
/// Reproduces one input in this process (<c>--index I</c> of a seed, or <c>--file PATH</c>): says what it is, checks
/// it, and on failure minimizes and saves it. A crash here is the crash being reproduced.
/// </summary>
internal static class SingleInput
{
    public static int Run(FuzzInput input, FuzzOptions options, FailureStore store, TextWriter console)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(console);
        console.WriteLine($"fuzz: {input.Describe()}");
        var sandbox = Path.Combine(ScratchDirectory.Root, $"dockeropt-fuzz-{Environment.ProcessId}");
        try
        {
            var checker = new PropertyChecker(sandbox, PassRegistry.All, ResourceLimits.Default with { Time = options.TimeLimit });
            var outcome = checker.Check(input.Bytes);
            console.WriteLine($"fuzz: {(outcome.BadInput ? "bad input (exit 2)" : "accepted")} in {outcome.Elapsed.TotalMilliseconds:0} ms ({outcome.Cpu.TotalMilliseconds:0} ms of CPU), {outcome.AllocatedBytes >> 20} MB allocated");
            if (outcome.Failure is not { } failure)
            {
                console.WriteLine("fuzz: OK");
                return 0;
            }

            console.WriteLine($"fuzz: FAIL {failure}");
            var minimized = failure.Property is Property.Time or Property.Memory
                ? null
                : Minimizer.Minimize(input.Bytes, candidate => checker.Check(candidate).Failure?.Property == failure.Property);
            console.WriteLine($"fuzz: saved {store.Save(input, failure, minimized)}");
            return 1;
        }
        finally
        {
            if (Directory.Exists(sandbox))
            {
                Directory.Delete(sandbox, recursive: true);
            }
        }
    }
}