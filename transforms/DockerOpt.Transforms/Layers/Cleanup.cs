using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Runtime.CompilerServices;

using DockerOpt.Core.Model;
using DockerOpt.Core.Shell;
using DockerOpt.Core.Shell.Commands;

namespace DockerOpt.Transforms.Layers;

/// <summary>
/// A command that only deletes caches or scratch files: <c>rm -rf /var/lib/apt/lists/*</c>, <c>apt-get clean</c>,
/// <c>npm cache clean --force</c>, <c>pip cache purge</c>, <c>rm -f node.tar.gz</c>. <see cref="Caches"/> are the
/// package caches it empties, <see cref="Paths"/> the other paths it deletes (downloads, /tmp).
/// </summary>
internal sealed record Cleanup(ShellSimpleCommand Command, IReadOnlyList<PackageCache> Caches, IReadOnlyList<string> Paths)
{
    /// <summary>The scratch directories people empty at the end of a RUN.</summary>
    public static readonly string[] ScratchPaths = ["/tmp/*", "/var/tmp/*", "/tmp/", "/var/tmp/", "/tmp/**", "/var/tmp/**"];

    private static readonly ConditionalWeakTable<RunCommand, HashSet<PackageCache>> CleanedCaches = [];

    private static readonly ConcurrentDictionary<string, string> TableCommands = new(StringComparer.Ordinal);

    // The first word and word count of every cache cleanup command of the tables, without options: a command of
    // another shape (apt-get install -y curl, npm ci) is no cache cleanup, told without building its words.
    private static readonly FrozenSet<(string First, int Count)> CleanupShapes = PackageCaches.All
        .SelectMany(c => c.CleanupCommands)
        .Select(c => TableCommand(c).Split(' '))
        .Select(parts => (parts[0], parts.Length))
        .ToFrozenSet();

    /// <summary>
    /// True when the script leaves <paramref name="cache"/> empty: a command empties it after the last command that
    /// fills it. A cleanup followed by another <c>apt-get update</c> (devcontainers' universal image: <c>rm -rf
    /// /var/lib/apt/lists/* &amp;&amp; apt-get update &amp;&amp; ...</c>) leaves the cache in the layer. Read once per script
    /// (scripts are immutable): asked for each install of a RUN, a scan per question made n chained installs cost n².
    /// </summary>
    public static bool Cleans(RunCommand run, PackageCache cache)
    {
        ArgumentNullException.ThrowIfNull(run);
        var cleaned = CleanedCaches.GetValue(run, static s => [.. s.Script.SimpleCommands
            .Select(Read)
            .OfType<Cleanup>()
            .SelectMany(c => c.Caches.Where(k => IsFinal(s, c.Command, k)))]);
        return cleaned.Contains(cache);
    }

    /// <summary>
    /// True when no command after <paramref name="cleanup"/> fills <paramref name="cache"/> again (an apt-get update or
    /// install, a pip install): only such a cleanup keeps the cache out of the RUN's layer. The one rule every pass uses
    /// to decide whether a RUN already cleans up after itself.
    /// </summary>
    public static bool IsFinal(RunCommand run, ShellSimpleCommand cleanup, PackageCache cache)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(cleanup);
        ArgumentNullException.ThrowIfNull(cache);
        return !run.Script.SimpleCommands.Any(c => c.Span.Start > cleanup.Span.Start && PackageInvocation.Read(run, c, cache) is { FillsCache: true });
    }

    /// <summary>Reads a cleanup command; null when it does anything else (or anything not statically known).</summary>
    public static Cleanup? Read(ShellSimpleCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!command.Assignments.IsEmpty || !command.Redirections.IsEmpty || command.Words.IsDefaultOrEmpty)
        {
            return null;
        }

        if (command.Words[0].Value != "rm" && !HasCleanupShape(command))
        {
            return null;
        }

        var words = command.Words.Select(w => w.Value).ToList();
        if (words.Any(w => w is null))
        {
            return null;
        }

        // Options do not change what a cleanup command deletes (apt-get clean -y, npm cache clean -f, yum -q clean all).
        var joined = NonOptions(words!);
        foreach (var cache in PackageCaches.All)
        {
            if (words[0] != "rm" && cache.CleanupCommands.Any(c => string.Equals(TableCommand(c), joined, StringComparison.Ordinal)))
            {
                return new Cleanup(command, [cache], []);
            }
        }

        if (words[0] != "rm")
        {
            return null;
        }

        var caches = new List<PackageCache>();
        var paths = new List<string>();
        var options = true;
        foreach (var word in words.Skip(1))
        {
            if (options && word == "--")
            {
                options = false;
                continue;
            }

            if (options && word!.StartsWith('-'))
            {
                if (word is "--recursive" or "--force" or "--verbose" || (word.Length > 1 && word[1] != '-' && word[1..].All(c => c is 'r' or 'R' or 'f' or 'v')))
                {
                    continue;
                }

                return null;
            }

            var cache = PackageCaches.All.FirstOrDefault(m => m.CleanupPaths.Contains(word!));
            if (cache is not null)
            {
                if (!caches.Contains(cache))
                {
                    caches.Add(cache);
                }
            }
            else
            {
                paths.Add(word!);
            }
        }

        return caches.Count + paths.Count == 0 ? null : new Cleanup(command, caches, paths);
    }

    /// <summary>True when the command is one of <paramref name="commands"/> (written as in <see cref="PackageCache.CleanupCommands"/>), options aside.</summary>
    public static bool Is(ShellSimpleCommand command, IEnumerable<string> commands)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(commands);
        var joined = NonOptions(command.Words.Select(w => w.Value));
        return commands.Any(c => string.Equals(TableCommand(c), joined, StringComparison.Ordinal));
    }

    // False only when the command cannot equal a table's cleanup command: its words without options, joined by spaces,
    // would start with another word or hold another number of space-separated parts. Unknown words answer true (the
    // full reading refuses them).
    private static bool HasCleanupShape(ShellSimpleCommand command)
    {
        string? first = null;
        var count = 0;
        foreach (var word in command.Words)
        {
            if (word.Value is not { } value)
            {
                return true;
            }

            if (value.StartsWith('-'))
            {
                continue;
            }

            if (first is null)
            {
                if (value.Contains(' ', StringComparison.Ordinal))
                {
                    return true;
                }

                first = value;
            }

            count += 1 + value.AsSpan().Count(' ');
        }

        return first is null || CleanupShapes.Contains((first, count));
    }

    private static string NonOptions(IEnumerable<string?> words) => string.Join(' ', words.Where(w => w is not null && !w.StartsWith('-')));

    // A cleanup command of the tables without its options, worked out once: every command of every RUN is compared
    // with every table command, and splitting them anew for each comparison made most of a large file's garbage.
    private static string TableCommand(string command) => TableCommands.GetOrAdd(command, static c => NonOptions(c.Split(' ')));

    /// <summary>True when a path is a scratch directory's content.</summary>
    public static bool IsScratch(string path) => ScratchPaths.Contains(path, StringComparer.Ordinal);
}