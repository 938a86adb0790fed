using System.Collections.Immutable;

using DockerOpt.Cli.CommandLine;
using DockerOpt.Cli.Configuration;
using DockerOpt.Core.Passes;

namespace DockerOpt.Cli.Input;

/// <summary>
/// The pass choices of the command line (<c>--only</c>, <c>--skip</c>, <c>--level</c>), validated as soon as the
/// command starts, and combined with a file's <c>.dockeropt.yaml</c>: the command line wins (<c>--level</c> and
/// <c>--only</c> replace the file's, <c>--skip</c> adds to it).
/// </summary>
public sealed record PassSelection(ImmutableHashSet<string> Only, ImmutableHashSet<string> Skip, RewriteLevel? Level)
{
    /// <summary>The role <c>--role</c> set, or null to take the configuration's or detect it.</summary>
    public RoleOverride? Role { get; init; }

    /// <summary>True with <c>--include-generated</c>.</summary>
    public bool IncludeGenerated { get; init; }

    /// <summary>Reads the options, refusing unknown pass ids with the list of known ones.</summary>
    /// <exception cref="UserInputException">An id names no pass.</exception>
    public static PassSelection FromCommandLine(CliConsole console, string[]? only, string[]? skip, string? level)
    {
        ArgumentNullException.ThrowIfNull(console);
        var known = console.Passes.Select(p => p.Info.Id).ToImmutableHashSet(StringComparer.Ordinal);
        var onlyIds = Split(only);
        var skipIds = Split(skip);
        var unknown = onlyIds.Concat(skipIds).Where(id => !known.Contains(id)).Distinct(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new UserInputException(
                $"dockeropt: unknown pass id {string.Join(", ", unknown.Select(id => $"'{id}'"))}; known passes: {string.Join(", ", known.Order(StringComparer.Ordinal))} (see 'dockeropt passes')");
        }

        RewriteLevel? rewriteLevel = level switch
        {
            null => null,
            "aggressive" => RewriteLevel.Aggressive,
            _ => RewriteLevel.Safe,
        };
        return new PassSelection(onlyIds, skipIds, rewriteLevel);
    }

    /// <summary>The options for one Dockerfile under its configuration.</summary>
    public RewriteOptions For(DockeroptConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new RewriteOptions(
            Level ?? config.Level ?? RewriteLevel.Safe,
            Only.IsEmpty ? config.Only : Only,
            config.Skip.Union(Skip));
    }

    /// <summary>
    /// The options for one Dockerfile under its configuration, with what its role is decided from: <c>--role</c>, else
    /// the configuration's role for its path, else detection over <paramref name="repositoryPath"/>.
    /// </summary>
    public RewriteOptions For(DockeroptConfig config, string dockerfileFullPath, string repositoryPath)
    {
        ArgumentNullException.ThrowIfNull(config);
        return For(config) with { Role = Role ?? config.RoleFor(dockerfileFullPath), RepositoryPath = repositoryPath, IncludeGenerated = IncludeGenerated };
    }

    // Accepts "--only a,b", "--only a --only b" and "--only a b".
    private static ImmutableHashSet<string> Split(string[]? values) =>
        (values ?? [])
            .SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToImmutableHashSet(StringComparer.Ordinal);
}