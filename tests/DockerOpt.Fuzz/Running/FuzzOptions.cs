using System.Globalization;

namespace DockerOpt.Fuzz.Running;

/// <summary>
/// The command line of dockeropt-fuzz (see <see cref="Usage"/>). Plain parsing: the harness must not depend on the
/// CLI library it tests.
/// </summary>
internal sealed record FuzzOptions
{
    public const string Usage = """
        dockeropt-fuzz: mutation fuzzing of dockeropt (parse, rewrite, lint in every format, rewrite of the rewrite)

          --inputs N         inputs to run (default 20000)
          --seed N           run seed; input i of seed S is always the same bytes (default 1)
          --start N          first index (default 0)
          --workers N        worker processes (default: the number of cores)
          --time-limit S     seconds of CPU one input may take, all checks together (default 10)
          --cli N            also run N of the inputs (spread over the run) through the real dockeropt process, one
                             command each: rewrite --check and lint --format sarif in turn (default 0)
          --cli-binary PATH  the dockeropt to run for --cli (default: dockeropt.dll beside this tool, on dotnet)
          --out DIR          where failing inputs are saved (default: fuzz-failures/ in the repository)
          --corpus DIR       the seed Dockerfiles (default: ../shared/corpus beside the repository)
          --index I          check only input I of the seed, print what it is and the result
          --file PATH        check only this file
          --progress S       seconds between progress lines (default 10)
          --help             this text
          --dump DIR         write the inputs to DIR (seedS-I.Dockerfile) and say how each was made; check nothing
        Exit code: 0 no failure, 1 failures (saved under --out), 2 bad options or no corpus.
        """;

    public long Inputs { get; init; } = 20_000;

    public long Seed { get; init; } = 1;

    public long Start { get; init; }

    public int Workers { get; init; } = Environment.ProcessorCount;

    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(10);

    public int CliInputs { get; init; }

    public string? CliBinary { get; init; }

    public string? OutDirectory { get; init; }

    public string? CorpusDirectory { get; init; }

    public long? Index { get; init; }

    public string? File { get; init; }

    public string? DumpDirectory { get; init; }

    public bool Help { get; init; }

    public TimeSpan Progress { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Worker mode (started by the supervisor): check indices Start, Start+Step, ... below Start+Inputs.</summary>
    public int? WorkerStep { get; init; }

    /// <exception cref="ArgumentException">An unknown option or a bad value; the message says which.</exception>
    public static FuzzOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new FuzzOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value");
            long Number() => long.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw new ArgumentException($"{name} takes a non-negative whole number");
            options = name switch
            {
                "--inputs" => options with { Inputs = Number() },
                "--seed" => options with { Seed = Number() },
                "--start" => options with { Start = Number() },
                "--workers" => options with { Workers = (int)Math.Clamp(Number(), 1, 64) },
                "--time-limit" => options with { TimeLimit = TimeSpan.FromSeconds(Math.Max(1, Number())) },
                "--cli" => options with { CliInputs = (int)Math.Min(Number(), int.MaxValue) },
                "--cli-binary" => options with { CliBinary = Value() },
                "--out" => options with { OutDirectory = Value() },
                "--corpus" => options with { CorpusDirectory = Value() },
                "--index" => options with { Index = Number() },
                "--file" => options with { File = Value() },
                "--dump" => options with { DumpDirectory = Value() },
                "--progress" => options with { Progress = TimeSpan.FromSeconds(Math.Max(1, Number())) },
                "--help" or "-h" => options with { Help = true },
                "--worker-step" => options with { WorkerStep = (int)Math.Clamp(Number(), 1, 64) },
                _ => throw new ArgumentException($"unknown option {name}"),
            };
        }

        return options;
    }

    /// <summary>The arguments that start a worker for indices <paramref name="first"/>, +step, ... up to the run's end.</summary>
    public IReadOnlyList<string> WorkerArguments(long first, int step, long end, string outDirectory, string corpusDirectory) =>
    [
        "--seed", Seed.ToString(CultureInfo.InvariantCulture),
        "--start", first.ToString(CultureInfo.InvariantCulture),
        "--inputs", (end - first).ToString(CultureInfo.InvariantCulture),
        "--worker-step", step.ToString(CultureInfo.InvariantCulture),
        "--time-limit", ((long)TimeLimit.TotalSeconds).ToString(CultureInfo.InvariantCulture),
        "--out", outDirectory,
        "--corpus", corpusDirectory,
    ];
}