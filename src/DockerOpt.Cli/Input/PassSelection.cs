using System.Collections.Immutable;

using DockerOpt.Cli.CommandLine;
using DockerOpt.Core.Passes;
using DockerOpt.Transforms;

namespace DockerOpt.Cli.Input;

/// <summary>Turns --only, --skip and --level into <see cref="RewriteOptions"/>, refusing unknown pass ids.</summary>
public static class PassSelection
{
    public static RewriteOptions Create(string[]? only, string[]? skip, string? level)
    {
        var known = PassRegistry.All.Select(p => p.Info.Id).ToImmutableHashSet(StringComparer.Ordinal);
        var onlyIds = Split(only);
        var skipIds = Split(skip);
        var unknown = onlyIds.Concat(skipIds).Where(id => !known.Contains(id)).Distinct(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new UserInputException(
                $"dockeropt: unknown pass id {string.Join(", ", unknown.Select(id => $"'{id}'"))}; known passes: {string.Join(", ", known.Order(StringComparer.Ordinal))} (see 'dockeropt passes')");
        }

        var rewriteLevel = string.Equals(level, "aggressive", StringComparison.Ordinal) ? RewriteLevel.Aggressive : RewriteLevel.Safe;
        return new RewriteOptions(rewriteLevel, onlyIds, skipIds);
    }

    // Accepts "--only a,b", "--only a --only b" and "--only a b".
    private static ImmutableHashSet<string> Split(string[]? values) =>
        (values ?? [])
            .SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToImmutableHashSet(StringComparer.Ordinal);
}