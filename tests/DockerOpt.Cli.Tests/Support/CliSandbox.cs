using System.Collections.Immutable;
using System.Text;

using DockerOpt.Cli.CommandLine;
using DockerOpt.Core.Passes;
using DockerOpt.Syntax;
using DockerOpt.Transforms;

namespace DockerOpt.Cli.Tests.Support;

/// <summary>
/// A temporary working directory in which tests run dockeropt commands in-process, exactly as a person would type
/// them, and read what they printed and the exit code. Uses the fixed <see cref="TestPasses"/> unless told otherwise,
/// so CLI behaviour is checked independently of the real passes.
/// </summary>
public sealed class CliSandbox : IDisposable
{
    public CliSandbox()
    {
        Directory = Path.Combine(Path.GetTempPath(), "dockeropt-cli-" + Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public Func<PassSettings, ImmutableArray<IRewritePass>> CreatePasses { get; set; } = static _ => TestPasses.All;

    public bool IsTerminal { get; set; }

    public string PathOf(string relative) => Path.Combine(Directory, relative);

    public CliSandbox Write(string relative, string text) => WriteBytes(relative, Encoding.UTF8.GetBytes(text));

    public CliSandbox WriteBytes(string relative, byte[] bytes)
    {
        var path = PathOf(relative);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return this;
    }

    /// <summary>Makes a named pipe with the real mkfifo(1): opening it for reading waits for a writer.</summary>
    public CliSandbox MakeFifo(string relative)
    {
        var path = PathOf(relative);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var mkfifo = System.Diagnostics.Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
        return this;
    }

    /// <summary>Makes a symbolic link at <paramref name="relative"/> whose text is <paramref name="target"/> (as ln -s).</summary>
    public CliSandbox Symlink(string relative, string target)
    {
        var path = PathOf(relative);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.CreateSymbolicLink(path, target);
        return this;
    }

    public string Read(string relative) => File.ReadAllText(PathOf(relative));

    public byte[] ReadBytes(string relative) => File.ReadAllBytes(PathOf(relative));

    public CliResult Run(params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var console = new CliConsole(output, error, IsTerminal, Directory) { CreatePasses = CreatePasses };
        var exit = CliApplication.RunAsync(args, console).GetAwaiter().GetResult();
        return new CliResult(exit, output.ToString(), error.ToString());
    }

    /// <summary>
    /// Every file below the sandbox with its bytes and permissions (a link by its text, a FIFO by its kind, never
    /// opened), to prove a command wrote nothing.
    /// </summary>
    public IReadOnlyDictionary<string, string> State() =>
        System.IO.Directory.EnumerateFiles(Directory, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .ToDictionary(p => Path.GetRelativePath(Directory, p), Describe);

    private static string Describe(string path)
    {
        if (new FileInfo(path).LinkTarget is { } link)
        {
            return "-> " + link;
        }

        var kind = RegularFile.KindOf(path);
        return kind == FileKind.Regular
            ? Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path))) + " " + File.GetUnixFileMode(path)
            : RegularFile.Describe(kind);
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never fail a test on cleanup.
        }
    }
}

/// <summary>What a command printed and returned.</summary>
public sealed record CliResult(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}