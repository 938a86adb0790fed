using System.Collections.Immutable;

using DockerOpt.Core.Passes;
using DockerOpt.Transforms;

namespace DockerOpt.Cli.CommandLine;

/// <summary>
/// Where a command writes and where it runs. The CLI is the only layer that touches the terminal; tests
/// pass writers and a working directory of their own and run commands in-process.
/// </summary>
/// <param name="Out">Standard output: results (diffs, JSON, rewritten Dockerfiles).</param>
/// <param name="Error">Standard error: diagnostics, progress and hints.</param>
/// <param name="IsTerminal">Whether <paramref name="Out"/> is an interactive terminal that wants colour (false when piped or NO_COLOR is set).</param>
/// <param name="WorkingDirectory">What relative paths are resolved against.</param>
public sealed record CliConsole(TextWriter Out, TextWriter Error, bool IsTerminal, string WorkingDirectory)
{
    /// <summary>
    /// Builds the passes rewrite, lint and verify run for one configuration: the registry's, in its order. Tests give
    /// a fixed set of their own (ignoring the settings) so CLI behaviour is checked independently of how the real
    /// passes evolve.
    /// </summary>
    public Func<PassSettings, ImmutableArray<IRewritePass>> CreatePasses { get; init; } = PassRegistry.Create;

    /// <summary>The passes with the shipped settings: what <c>passes</c>, <c>explain</c> and configuration checks list.</summary>
    public ImmutableArray<IRewritePass> Passes => CreatePasses(PassSettings.Default);

    /// <summary>The process's own console. Colour only on a terminal and never when NO_COLOR is set (no-color.org).</summary>
    public static CliConsole FromSystem() => new(
        Console.Out,
        Console.Error,
        !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")),
        Environment.CurrentDirectory);

    /// <summary>Resolves a user-given path against the working directory.</summary>
    public string Resolve(string path) => Path.GetFullPath(Path.Combine(WorkingDirectory, path));

    /// <summary>The pass with this id among <see cref="Passes"/>, or null.</summary>
    public IRewritePass? FindPass(string id) => Passes.FirstOrDefault(p => string.Equals(p.Info.Id, id, StringComparison.Ordinal));
}