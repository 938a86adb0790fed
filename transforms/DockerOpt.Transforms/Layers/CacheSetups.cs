using System.Collections.Immutable;

using DockerOpt.Core.Model;
using DockerOpt.Core.Passes;
using DockerOpt.Core.Shell.Commands;
using DockerOpt.Syntax;

namespace DockerOpt.Transforms.Layers;

/// <summary>
/// Where a Dockerfile already wires a package cache its own way: a marker from the cache's row
/// (<see cref="PackageCache.SetupMarkers"/>: apt's docker-clean hook, <c>/etc/apk/cache</c>, <c>npm config set cache</c>),
/// a cache option of the tool (<see cref="PackageManagerInfo.CacheOptions"/>: <c>apk --cache-dir</c>), a symbolic link
/// into one of its directories, or (with <c>includeMounts</c>) a cache mount of its own. A mount or a no-cache flag from
/// dockeropt would switch such a set-up off, so the passes leave that tool's caching alone.
/// </summary>
internal static class CacheSetups
{
    /// <summary>For each cache the author set up, why the passes leave it alone (naming the user's line).</summary>
    public static IReadOnlyDictionary<PackageCache, string> Find(PassContext context, IReadOnlyDictionary<int, RunEnvironment> environments, bool includeMounts)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(environments);
        var found = new Dictionary<PackageCache, string>();
        foreach (var instruction in context.Model.Stages.SelectMany(s => s.Instructions))
        {
            if (instruction.Kind is not (InstructionKind.Run or InstructionKind.Env or InstructionKind.Arg))
            {
                continue;
            }

            // Read once per instruction, not once per cache: the environment and the parsed command are the same for all.
            var read = new InstructionReading(context.Model, instruction, environments.GetValueOrDefault(instruction.Span.Start));
            var text = instruction.FullText;
            foreach (var cache in PackageCaches.All)
            {
                if (!found.ContainsKey(cache) && Evidence(instruction, text, read, cache, includeMounts) is { } evidence)
                {
                    found[cache] = $"the file sets up its own {cache.Id} cache ({evidence} at line {context.UserLine(instruction)})";
                }
            }
        }

        return found;
    }

    // The instruction's text is cut from the source on each FullText: read once per instruction, not once per cache.
    private static string? Evidence(InstructionSyntax instruction, string text, InstructionReading read, PackageCache cache, bool includeMounts)
    {
        // A loop, not FirstOrDefault with a lambda: this runs for every cache of every instruction (issue 14).
        foreach (var marker in cache.SetupMarkers)
        {
            if (text.Contains(marker, StringComparison.Ordinal))
            {
                return $"`{marker}`";
            }
        }

        if (instruction.Kind != InstructionKind.Run)
        {
            return null;
        }

        // Worked out only for a RUN that mounts or links something: asked for every cache of every RUN, the paths were
        // most of what a file of many RUNs allocated here.
        List<string>? paths = null;
        if (includeMounts)
        {
            foreach (var target in read.CacheTargets)
            {
                // A mount at or below one of its directories is its cache; a mount above them (/root/.cache) only when
                // the RUN runs the tool.
                paths ??= Paths(cache, read.Environment);
                var inside = IsAtOrBelowAny(target, paths);
                var above = IsAboveAny(target, paths) && TextMentions.MentionsManager(text, cache);
                if ((inside || above) && !IsDockeroptMount(instruction, cache, read.Environment, target))
                {
                    return $"a cache mount on {target}";
                }
            }
        }

        if (read.Run is not { } run)
        {
            return null;
        }

        var invocations = read.Invocations;
        for (var k = 0; k < run.Script.SimpleCommands.Length; k++)
        {
            var command = run.Script.SimpleCommands[k];
            if (command.Name?.Value == "ln" && command.Arguments.Any(IsSymbolicOption))
            {
                var linked = paths ??= Paths(cache, read.Environment);
                if (command.Arguments.FirstOrDefault(w => w.Value is { } v && linked.Any(p => v.TrimEnd('/') == p || v.StartsWith(p + "/", StringComparison.Ordinal))) is { } link)
                {
                    return $"a symbolic link at {link.Value}";
                }
            }

            if (invocations[k] is { } invocation && invocation.Cache == cache && CacheOptionOf(invocation) is { } option)
            {
                return $"{invocation.Command.Words[invocation.ProgramIndex].Value} {option}";
            }
        }

        return null;
    }

    /// <summary>
    /// What every cache asks of one instruction, read at the first question and kept for the others: its RUN, its cache
    /// mount targets and the package-manager call of each simple command (the same as PackageInvocation.Read with the
    /// cache, which only adds the cache test). Asked once per cache, they were most of this scan's cost on many RUNs.
    /// </summary>
    private sealed class InstructionReading(DockerfileModel model, InstructionSyntax instruction, RunEnvironment? environment)
    {
        private bool runRead;
        private IReadOnlyDictionary<string, string?>? cacheEnvironment;
        private RunCommand? run;
        private IReadOnlyList<string>? cacheTargets;
        private PackageInvocation?[]? invocations;

        public RunCommand? Run
        {
            get
            {
                if (!runRead)
                {
                    run = model.RunOf(instruction);
                    runRead = true;
                }

                return run;
            }
        }

        /// <summary>The variables that place a cache (<see cref="CacheEnvironment"/>), worked out only for a RUN that mounts or links something.</summary>
        public IReadOnlyDictionary<string, string?> Environment => cacheEnvironment ??= environment is null
            ? ImmutableDictionary<string, string?>.Empty
            : CacheEnvironment.Of(environment);

        public IReadOnlyList<string> CacheTargets => cacheTargets ??= MountFlags.CacheTargets(instruction);

        /// <summary>For each simple command of <see cref="Run"/> (which must be a RUN command), its package-manager call or null.</summary>
        public PackageInvocation?[] Invocations => invocations ??= [.. Run!.Script.SimpleCommands.Select(c => PackageInvocation.Read(Run, c))];
    }

    // A mount written exactly as cache-mounts writes one for this cache (same target, same options) is not a set-up of
    // the author's own: it may be the one this tool added on its last run, and reading it as the author's would switch
    // the tool's caching off in every other RUN on the next run (not idempotent: fuzz seed 7 index 634848).
    private static bool IsDockeroptMount(InstructionSyntax instruction, PackageCache cache, IReadOnlyDictionary<string, string?> env, string target)
    {
        foreach (var mount in cache.Mounts)
        {
            if (mount.TargetIn(env) is { } own && own == target)
            {
                var text = mount.FlagFor(own);
                if (instruction.Flags.Any(f => f.Name == "mount" && f.BuildKitText == text))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // The cache's directories: its mount targets (where ENV puts them) and the paths its cleanups delete.
    private static List<string> Paths(PackageCache cache, IReadOnlyDictionary<string, string?> env) =>
        cache.Mounts.Select(m => m.TargetIn(env)).OfType<string>()
            .Concat(cache.CleanupPaths.Select(p => p.TrimEnd('*').TrimEnd('/')).Where(p => p.Length > 1))
            .Distinct(StringComparer.Ordinal)
            .ToList();

    // Loops, not lambdas over the target: every RUN with a mount asks them for every cache.
    private static bool IsAtOrBelowAny(string target, List<string> paths)
    {
        foreach (var path in paths)
        {
            if (target == path || (target.Length > path.Length && target[path.Length] == '/' && target.StartsWith(path, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAboveAny(string target, List<string> paths)
    {
        foreach (var path in paths)
        {
            if (path.Length > target.Length && path[target.Length] == '/' && path.StartsWith(target, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // A loop, not a lambda over the invocation: the closure was allocated for every simple command of every RUN, for
    // every cache, whether or not the command was that cache's tool.
    private static string? CacheOptionOf(PackageInvocation invocation)
    {
        foreach (var option in invocation.Tool.CacheOptions)
        {
            if (invocation.Recognized.HasOption(option))
            {
                return option;
            }
        }

        return null;
    }

    private static bool IsSymbolicOption(Core.Shell.ShellWord word) =>
        word.Value is { } v && (v == "--symbolic" || (v.Length > 1 && v[0] == '-' && v[1] != '-' && v.Contains('s', StringComparison.Ordinal)));
}