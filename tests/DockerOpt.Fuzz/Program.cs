using DockerOpt.Fuzz.Generation;
using DockerOpt.Fuzz.Running;

namespace DockerOpt.Fuzz;

/// <summary>
/// dockeropt-fuzz: mutates corpus Dockerfiles and checks dockeropt's invariants on each (see <see cref="FuzzOptions.Usage"/>).
/// Runs as supervisor (default), as one of its workers, or on a single input to reproduce a failure.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        FuzzOptions options;
        try
        {
            options = FuzzOptions.Parse(args);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine($"dockeropt-fuzz: {ex.Message}\n\n{FuzzOptions.Usage}");
            return 2;
        }

        if (options.Help)
        {
            Console.WriteLine(FuzzOptions.Usage);
            return 0;
        }

        var corpusDirectory = options.CorpusDirectory ?? RepositoryPaths.DefaultCorpusDirectory;
        var store = new FailureStore(Path.GetFullPath(options.OutDirectory ?? RepositoryPaths.DefaultOutDirectory));
        if (options.File is { } file)
        {
            var bytes = File.ReadAllBytes(file);
            return SingleInput.Run(new FuzzInput(options.Seed, -1, file, [], bytes), options, store, Console.Out);
        }

        SeedCorpus corpus;
        try
        {
            corpus = SeedCorpus.Load(corpusDirectory);
        }
        catch (IOException ex)
        {
            Console.Error.WriteLine($"dockeropt-fuzz: {ex.Message}");
            return 2;
        }

        var generator = new InputGenerator(corpus);
        if (options.WorkerStep is not null)
        {
            return new Worker(options, generator, store, Console.Out).Run();
        }

        if (options.DumpDirectory is { } dump)
        {
            Directory.CreateDirectory(dump);
            for (var i = options.Start; i < options.Start + options.Inputs; i++)
            {
                var input = generator.Generate(options.Seed, i);
                File.WriteAllBytes(Path.Combine(dump, $"seed{options.Seed}-{i}.Dockerfile"), input.Bytes);
                Console.WriteLine(input.Describe());
            }

            return 0;
        }

        if (options.Index is { } index)
        {
            return SingleInput.Run(generator.Generate(options.Seed, index), options, store, Console.Out);
        }

        var supervisor = new Supervisor(options, corpusDirectory, generator, store, Console.Out);
        supervisor.Run();
        new CliProcessCheck(options, generator, store, supervisor.Failures, Console.Out).Run();
        return supervisor.Summarize();
    }
}