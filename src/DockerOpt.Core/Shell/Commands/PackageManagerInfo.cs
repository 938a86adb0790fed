using System.Collections.Frozen;
using System.Collections.Immutable;

namespace DockerOpt.Core.Shell.Commands;

/// <summary>
/// What dockeropt knows about one package manager: how to read its command line and how to keep its caches out of
/// the image. All instances live in <see cref="PackageManagerFacts"/>.
/// </summary>
public sealed record PackageManagerInfo
{
    public required PackageManager Tool { get; init; }

    /// <summary>
    /// The ecosystem the tool belongs to: debian, alpine, rhel, or a language ecosystem by its id in the transforms'
    /// ecosystem table (python, node, go, rust, java, dotnet, ruby, php), which takes the tool's files and names from here.
    /// </summary>
    public required string Ecosystem { get; init; }

    /// <summary>The tool installs operating-system packages (apt, apk, dnf): it reads nothing from the build context.</summary>
    public bool InstallsSystemPackages { get; init; }

    /// <summary>Command names that run the tool (compared after stripping a directory: <c>/usr/bin/apt-get</c>).</summary>
    public required ImmutableArray<string> Executables { get; init; }

    /// <summary>Verb (one word, or two words such as <c>mod download</c>) to action.</summary>
    public required FrozenDictionary<string, PackageAction> Verbs { get; init; }

    /// <summary>The action when the command has no verb at all (<c>yarn</c> alone installs), or null.</summary>
    public PackageAction? ActionWithoutVerb { get; init; }

    /// <summary>An unknown verb runs a package.json script (<c>yarn build</c>, <c>pnpm build</c>).</summary>
    public bool UnknownVerbRunsScript { get; init; }

    /// <summary>The verb is the first operand with a known action, not the first operand (<c>mvn clean package</c>).</summary>
    public bool VerbsAreGoals { get; init; }

    /// <summary>Options whose value is the next word when not attached with <c>=</c> (so it is not taken for a package).</summary>
    public ImmutableArray<string> OptionsWithValue { get; init; } = [];

    /// <summary>Single-letter options can be combined (<c>-yq</c> is <c>-y -q</c>).</summary>
    public bool ShortOptionsCluster { get; init; }

    /// <summary>Options that answer yes to every prompt (a RUN cannot answer one).</summary>
    public ImmutableArray<string> AssumeYesOptions { get; init; } = [];

    /// <summary>The cache its downloads go to (shared with other tools: yum and dnf, gem and bundler).</summary>
    public required PackageCache Cache { get; init; }

    /// <summary>Cache mounts for the tool's downloads (Docker's "Optimize cache usage in builds" guidance).</summary>
    public ImmutableArray<CacheMountFact> CacheMounts => Cache.Mounts;

    /// <summary>
    /// Verbs (first word, as written) that download into the cache; empty: every invocation does; an empty string: the
    /// tool run without a verb does (<c>yarn</c>, <c>bundle</c>).
    /// </summary>
    public ImmutableArray<string> CacheVerbs { get; init; } = [];

    /// <summary>
    /// Verbs whose downloads stay in the layer when nothing cleans up in the RUN; null: every one of
    /// <see cref="CacheVerbs"/>. apt's are only <c>update</c>'s lists: Debian's and Ubuntu's images carry the
    /// docker-clean hook, which deletes the downloaded .debs and apt's binary caches after every install.
    /// </summary>
    public ImmutableArray<string>? LayerLeftoverVerbs { get; init; }

    /// <summary>Options that keep the tool from writing its cache into the layer (<c>--no-cache-dir</c>, <c>--no-cache</c>).</summary>
    public ImmutableArray<string> NoCacheOptions { get; init; } = [];

    /// <summary>
    /// Options that point the tool at a cache directory of the author's choosing (<c>apk --cache-dir</c>,
    /// <c>pip --cache-dir</c>, <c>npm --cache</c>): a Dockerfile that passes one has set up its own cache.
    /// </summary>
    public ImmutableArray<string> CacheOptions { get; init; } = [];

    /// <summary>The files its dependency install reads (manifests, lockfiles, configuration), in copy order.</summary>
    public ImmutableArray<ManifestFile> Manifests { get; init; } = [];

    /// <summary>Lockfiles that pin the dependency tree.</summary>
    public IEnumerable<ManifestFile> Lockfiles => Manifests.Where(static m => m.Role == ManifestRole.Lockfile);

    /// <summary>The action of <paramref name="verb"/>, or null when the tool does not know it.</summary>
    public PackageAction? ActionOf(string verb) => Verbs.TryGetValue(verb, out PackageAction action) ? action : null;
}