using DockerOpt.Core.Shell.Commands;
using DockerOpt.Syntax;

namespace DockerOpt.Core.Model;

/// <summary>
/// Which stages reach the shipped image: the stage that is built (the final one, or the <c>--target</c>), the stages
/// it builds FROM, and the stages whose filesystem is copied into one of those with a path that covers where package
/// caches live (<c>COPY --from=rootfs / /</c>, <c>COPY --from=x /var /var</c>); each of those again with its
/// ancestors. A stage only copied from with specific artifact paths (<c>COPY --from=build /app/out /app</c>) does not
/// ship its filesystem: its layers, caches and package lists are thrown away, and only the named files travel on.
/// </summary>
public static class ShippedStages
{
    /// <summary>
    /// Where package managers leave files, from the cache table (<see cref="PackageCaches"/>): a copied path that is one
    /// of these or a folder above one of them carries a stage's caches into the image.
    /// </summary>
    private static readonly string[] CacheLocations =
    [
        .. PackageCaches.All.SelectMany(c => c.Mounts.Select(m => m.Target)),
        .. PackageCaches.All.SelectMany(c => c.CleanupPaths).Select(p => p.TrimEnd('*', '/')).Where(p => p.Length > 0),
    ];

    /// <summary>The indexes of the shipped stages, for a model and the built stage (null or unknown: the final stage).</summary>
    public static IReadOnlySet<int> Find(DockerfileModel model, StageModel? built)
    {
        ArgumentNullException.ThrowIfNull(model);
        var shipped = new HashSet<int>();
        var start = built ?? model.FinalStage;
        if (start is null)
        {
            return shipped;
        }

        var pending = new Stack<StageModel>();
        pending.Push(start);
        while (pending.Count > 0)
        {
            foreach (var stage in model.Lineage(pending.Pop()))
            {
                if (!shipped.Add(stage.Index))
                {
                    continue;
                }

                foreach (var copy in stage.Instructions.Where(i => i.Kind is InstructionKind.Copy or InstructionKind.Add))
                {
                    if (copy.GetFlag("from")?.Value is { } from && model.FindStage(from, stage.Index) is { } source
                        && !shipped.Contains(source.Index) && Sources(copy).Any(CoversCaches))
                    {
                        pending.Push(source);
                    }
                }
            }
        }

        return shipped;
    }

    /// <summary>True when a copied path is the root or a folder that holds (or is) a package cache location.</summary>
    public static bool CoversCaches(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var trimmed = path.Trim();
        if (trimmed.Length == 0 || trimmed.Contains('$', StringComparison.Ordinal))
        {
            // A path known only at build time names, by all evidence in the file, an artifact.
            return false;
        }

        var normal = trimmed.TrimEnd('*').TrimEnd('.').TrimEnd('/');
        if (normal.Length == 0)
        {
            return true;
        }

        return CacheLocations.Any(location => location == normal || location.StartsWith(normal + "/", StringComparison.Ordinal));
    }

    private static IEnumerable<string> Sources(InstructionSyntax copy) => copy.Arguments switch
    {
        WordArguments { Words.Length: > 1 } words => words.Words.Take(words.Words.Length - 1).Select(w => w.Value),
        ExecFormArguments { Values.Length: > 1 } exec => exec.Values.Take(exec.Values.Length - 1),
        _ => [],
    };
}