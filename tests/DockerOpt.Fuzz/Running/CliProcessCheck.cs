using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

using DockerOpt.Fuzz.Generation;
using DockerOpt.Fuzz.Properties;

namespace DockerOpt.Fuzz.Running;

/// <summary>
/// The end-to-end part: a sample of the run's inputs, spread evenly over it, through the real dockeropt process (the
/// JIT dockeropt.dll beside this tool, or a Native AOT binary given with --cli-binary), each as one command:
/// <c>rewrite --check</c> and <c>lint --format sarif</c> in turn. Exit codes as the shell sees them: never 3 nor a
/// signal, and exit 2 only with a <c>file:line:col</c> message.
/// </summary>
/// <remarks>
/// One command per input, not both: every input already went through both commands' code in-process (its
/// classification as bad input or internal error, and the location of its message); what only the process shows is
/// how that outcome becomes an exit code and a line on stderr, which depends on the command and the outcome more than
/// on the bytes. A JIT process start costs ~0.5 s of CPU, so an input through a second command bought little for it.
/// </remarks>
internal sealed partial class CliProcessCheck(FuzzOptions options, InputGenerator generator, FailureStore store, FailureTally failures, TextWriter console)
{
    private static readonly string[][] Commands = [["rewrite", "--check", "Dockerfile"], ["lint", "--format", "sarif", "Dockerfile"]];

    // A process also starts (JIT) and may wait for the machine: more patience than one input in-process gets.
    private TimeSpan Patience => (options.TimeLimit * 3) + TimeSpan.FromSeconds(30);

    public void Run()
    {
        var count = (int)Math.Min(options.CliInputs, options.Inputs);
        if (count <= 0)
        {
            return;
        }

        var clock = Stopwatch.StartNew();
        var exits = new long[4];
        var indices = Enumerable.Range(0, count).Select(k => options.Start + (k * options.Inputs / count)).ToList();
        Parallel.For(0, indices.Count, new ParallelOptions { MaxDegreeOfParallelism = options.Workers }, k =>
        {
            var index = indices[k];
            var command = Commands[k % Commands.Length];
            var input = generator.Generate(options.Seed, index);
            var directory = Path.Combine(ScratchDirectory.Root, $"dockeropt-fuzz-cli-{Environment.ProcessId}-{index}");
            Directory.CreateDirectory(directory);
            try
            {
                File.WriteAllBytes(Path.Combine(directory, "Dockerfile"), input.Bytes);
                var (exit, stderr) = RunCli(directory, command);
                if (exit is >= 0 and <= 2)
                {
                    Interlocked.Increment(ref exits[exit]);
                }

                if (Check(exit, stderr, command) is { } failure)
                {
                    var path = store.Save(input, failure, minimized: null);
                    failures.Add(index, failure.Signature, path, failure.Detail);
                    console.WriteLine($"fuzz: FAIL seed {options.Seed} index {index}: {failure} -> {path}");
                }
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        });
        console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fuzz: {count} inputs through the dockeropt process (one command each, {string.Join(" and ", Commands.Select(c => string.Join(' ', c[..^1])))} in turn) in {clock.Elapsed.TotalSeconds:0.0} s: exit 0 {exits[0]}, 1 {exits[1]}, 2 {exits[2]}"));
    }

    private PropertyFailure? Check(int exit, string stderr, string[] command)
    {
        var what = $"dockeropt {string.Join(' ', command)}";
        if (exit is < 0 or > 2)
        {
            var message = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "(nothing on stderr)";
            return new PropertyFailure(Property.CliExitCode, exit == -1
                ? $"{what} did not finish in {Patience.TotalSeconds:0} s"
                : $"{what} exited {exit}: {message}");
        }

        return exit == 2 && !LocatedMessage().IsMatch(stderr)
            ? new PropertyFailure(Property.CliExitCode, $"{what} exited 2 without file:line:col: {stderr.Split('\n')[0]}")
            : null;
    }

    private (int Exit, string Stderr) RunCli(string directory, string[] command)
    {
        var binary = options.CliBinary ?? Path.Combine(AppContext.BaseDirectory, "dockeropt.dll");
        var start = new ProcessStartInfo(binary.EndsWith(".dll", StringComparison.Ordinal) ? Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet" : binary)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (binary.EndsWith(".dll", StringComparison.Ordinal))
        {
            start.ArgumentList.Add(binary);
        }

        foreach (var argument in command)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["NO_COLOR"] = "1";
        start.Environment["DOTNET_GCHeapHardLimit"] = "0x80000000";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{binary} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Patience))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return (-1, string.Empty);
        }

        _ = stdout.GetAwaiter().GetResult();
        return (process.ExitCode, stderr.GetAwaiter().GetResult());
    }

    [GeneratedRegex(@"(^|\n)Dockerfile:\d+:\d+: ")]
    private static partial Regex LocatedMessage();
}