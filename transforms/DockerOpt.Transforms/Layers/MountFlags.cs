using DockerOpt.Syntax;

namespace DockerOpt.Transforms.Layers;

/// <summary>The targets of a RUN's existing <c>--mount</c> flags (any type), read from BuildKit's flag text.</summary>
internal static class MountFlags
{
    public static IReadOnlyList<string> Targets(InstructionSyntax instruction) => Read(instruction, cacheOnly: false);

    /// <summary>The targets of the RUN's <c>--mount=type=cache</c> flags.</summary>
    public static IReadOnlyList<string> CacheTargets(InstructionSyntax instruction) => Read(instruction, cacheOnly: true);

    private static List<string> Read(InstructionSyntax instruction, bool cacheOnly)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        if (instruction.Flags.IsEmpty)
        {
            // Most RUNs: nothing to split (several passes ask this of every RUN of every text).
            return [];
        }

        var targets = new List<string>();
        foreach (var flag in instruction.Flags)
        {
            if (flag.Name != "mount" || flag.Value is null)
            {
                continue;
            }

            var pairs = flag.Value.Split(',').Select(part => part.Split('=', 2)).Where(pair => pair.Length == 2).ToList();
            if (cacheOnly && !pairs.Any(pair => pair[0].Trim() == "type" && pair[1].Trim().Trim('"') == "cache"))
            {
                continue;
            }

            foreach (var pair in pairs)
            {
                if (pair[0].Trim() is "target" or "dst" or "destination")
                {
                    targets.Add(pair[1].Trim().Trim('"').TrimEnd('/'));
                }
            }
        }

        return targets;
    }

    /// <summary>True when an existing mount already sits on the path, above it or below it.</summary>
    public static bool Covers(IReadOnlyList<string> existing, string target)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(target);
        var t = target.TrimEnd('/');
        return existing.Any(e => e == t || t.StartsWith(e + "/", StringComparison.Ordinal) || e.StartsWith(t + "/", StringComparison.Ordinal) || e.Length == 0);
    }
}