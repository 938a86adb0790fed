using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace DockerOpt.Transforms.DockerIgnore;

/// <summary>
/// What a proposed .dockerignore would actually keep out of the context as it is now: the entries (files and folders,
/// a folder's insides counted) that its new patterns exclude and the file in force did not, by catalog group. A
/// proposal is worth making only when it keeps out something that is sent on every build and never needed:
/// version control, secrets, dependency folders, caches or build output that exist in the context, or at least
/// <see cref="MinorEntriesWorthIt"/> editor files and logs. A dependency folder the ecosystem's tools create in every
/// working tree (<see cref="IgnoreRule.InWorkingTree"/>: node_modules) counts as there when the Dockerfile copies the
/// whole context, although a fresh checkout lacks it: a developer's build sends it. Docker files (the Dockerfile,
/// compose files) never count: every context has them, and excluding them saves nothing measurable.
/// </summary>
public sealed class IgnoreBenefit
{
    /// <summary>Editor folders and logs alone are worth a file from this many entries on.</summary>
    public const int MinorEntriesWorthIt = 20;

    private static readonly ImmutableHashSet<string> WeightyGroups =
    [
        IgnoreCatalog.VersionControl, IgnoreCatalog.Secrets, IgnoreCatalog.Dependencies, IgnoreCatalog.Caches, IgnoreCatalog.BuildOutput,
    ];

    private static readonly ImmutableHashSet<string> MinorGroups = [IgnoreCatalog.Editors, IgnoreCatalog.Logs];

    private IgnoreBenefit(ImmutableArray<(IgnoreRule Rule, int Entries)> kept, ImmutableArray<IgnoreRule> expected)
    {
        Kept = kept;
        Expected = expected;
    }

    /// <summary>Rules for folders a developer's working tree has although the context does not now (node_modules).</summary>
    public ImmutableArray<IgnoreRule> Expected { get; }

    /// <summary>Each new rule with the number of existing entries it keeps out (rules that keep out nothing are left out).</summary>
    public ImmutableArray<(IgnoreRule Rule, int Entries)> Kept { get; }

    public bool IsWorthProposing =>
        Kept.Any(k => WeightyGroups.Contains(k.Rule.Group) && k.Entries > 0) || !Expected.IsEmpty
        || Kept.Where(k => MinorGroups.Contains(k.Rule.Group)).Sum(k => k.Entries) >= MinorEntriesWorthIt;

    /// <summary>"node_modules (1 entry), .env (1 entry)" for a finding.</summary>
    public string Describe() => Kept.IsEmpty && Expected.IsEmpty
        ? "nothing that exists in it now"
        : string.Join(", ", Kept.Select(k => $"'{k.Rule.Pattern}' ({k.Entries} {(k.Entries == 1 ? "entry" : "entries")})")
            .Concat(Expected.Select(r => $"'{r.Pattern}' (made by every {r.Ecosystem} install in a working tree; COPY . would send it)")));

    /// <param name="tree">The context as it is.</param>
    /// <param name="inForce">The ignore file in force (empty when there is none).</param>
    /// <param name="rules">The new rules.</param>
    /// <param name="copiesWholeContext">Some Dockerfile using the file copies the whole context (<c>COPY . </c>).</param>
    public static IgnoreBenefit Measure(ContextTree tree, IgnorePatternMatcher inForce, IReadOnlyList<IgnoreRule> rules, bool copiesWholeContext)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(inForce);
        ArgumentNullException.ThrowIfNull(rules);

        // The Dockerfiles that share a context mostly ask the same question of the same tree: it is answered once per
        // tree (each of 595 Dockerfiles of one folder walked the whole tree with the same patterns, issue 10).
        var key = string.Join('\n', inForce.Patterns.Select(p => p.Text)) + "\0" + string.Join('\n', rules.Select(r => $"{r.Pattern}\t{r.InWorkingTree}")) + "\0" + copiesWholeContext;
        var answers = PerTree.GetValue(tree, static _ => new ConcurrentDictionary<string, IgnoreBenefit>(StringComparer.Ordinal));
        return answers.GetOrAdd(key, _ => Count(tree, inForce, rules, copiesWholeContext));
    }

    private static readonly ConditionalWeakTable<ContextTree, ConcurrentDictionary<string, IgnoreBenefit>> PerTree = [];

    private static IgnoreBenefit Count(ContextTree tree, IgnorePatternMatcher inForce, IReadOnlyList<IgnoreRule> rules, bool copiesWholeContext)
    {
        var matchers = rules.Select(r => new IgnorePatternMatcher([IgnorePattern.TryCreate(r.Pattern)!])).ToList();
        var counts = new int[rules.Count];
        foreach (var entry in tree.Entries)
        {
            if (inForce.IsExcluded(entry.Path))
            {
                continue;
            }

            for (var i = 0; i < matchers.Count; i++)
            {
                if (matchers[i].IsExcluded(entry.Path))
                {
                    counts[i]++;
                    break;
                }
            }
        }

        var kept = rules.Select((rule, i) => (rule, counts[i])).Where(k => k.Item2 > 0).ToImmutableArray();
        var expected = copiesWholeContext
            ? rules.Where(r => r.InWorkingTree && !kept.Any(k => k.rule == r)).ToImmutableArray()
            : [];
        return new IgnoreBenefit(kept, expected);
    }
}