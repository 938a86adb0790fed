using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;

using DockerOpt.Core.BuildContext;
using DockerOpt.Core.Passes;
using DockerOpt.Core.Rewriting;
using DockerOpt.Engine.Tests.Examples;
using DockerOpt.TestKit;
using DockerOpt.Transforms.Passes;

using Xunit.Abstractions;

namespace DockerOpt.Engine.Tests.Engines;

/// <summary>
/// cache-mounts' apt mount must not change the image it ships: every image built FROM the rewrite should find apt
/// configured as its base image left it (Debian's docker-clean hook included, so it keeps no downloaded .debs). What
/// the mount gains is measured too: a rebuild of the edited RUN reuses the package lists, but downloads the .debs again.
/// </summary>
[Trait("Category", "Engine")]
public sealed partial class AptCacheMountEngineTests(ITestOutputHelper output)
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(10);

    // What apt reads and keeps: its configuration (names, modes, owners, link targets, content) and its state and
    // cache folders, apart from the lists the mount holds.
    private const string AptTree =
        "find /etc/apt -printf '%p %m %u %g %s %l\\n' | sort; find /etc/apt -type f -exec sha256sum {} + | sort; " +
        "find /var/lib/apt /var/cache/apt -path /var/lib/apt/lists -prune -o -printf '%p %m %s\\n' | sort";

    // The ENV makes each run's RUNs new to the layer cache, so they run (the cache mount's id stays the default).
    // The RUN leaves its lists in the layer: that is where cache-mounts proposes the mount (a RUN that already
    // removes them is declined, its shipped layer being clean already).
    private static string Original(string run) => $"""
        FROM debian:bookworm-slim
        ENV DOCKEROPT_TEST_RUN={run}
        RUN apt-get update \
            && apt-get install -y --no-install-recommends hello
        """;

    [EngineFact]
    public async Task The_apt_cache_mount_leaves_the_shipped_apt_configuration_as_it_was_and_reuses_the_package_lists()
    {
        using var context = new TempDirectory();
        var run = Guid.NewGuid().ToString("N")[..10];
        var rewrite = Rewrite(Original(run));
        Assert.Contains("--mount=type=cache,target=/var/lib/apt/lists", rewrite, StringComparison.Ordinal);
        var tags = new List<string>();
        try
        {
            var original = await BuildAsync(context, Original(run), $"dockeropt-test/apt-cache:{run}-original", tags);
            var rewritten = await BuildAsync(context, rewrite, $"dockeropt-test/apt-cache:{run}-rewrite", tags);
            var originalTree = await AptTreeOf(original.Tag);
            var rewrittenTree = await AptTreeOf(rewritten.Tag);
            Assert.Contains("/etc/apt/apt.conf.d/docker-clean", originalTree, StringComparison.Ordinal);
            Assert.Equal(originalTree, rewrittenTree);

            // The RUN edited (one more package) runs again: apt-get update finds its lists in the mount and fetches only
            // the release files, while the .debs come from the mirror again (docker-clean deleted them, as it should).
            var edited = await BuildAsync(context, rewrite.Replace(" hello", " hello tree", StringComparison.Ordinal), $"dockeropt-test/apt-cache:{run}-edited", tags);
            var update = FetchedBytes(edited.Log).FirstOrDefault();
            output.WriteLine($"apt-get update in the edited rebuild fetched {update} bytes (in the first build of the rewrite: {FetchedBytes(rewritten.Log).FirstOrDefault()})");
            Assert.True(update < 2_000_000, $"apt-get update fetched {update} bytes although its lists were in the cache mount:\n{edited.Log}");
            Assert.Matches(@"Get:\d+ \S+ \S+ \S+ hello ", edited.Log);
        }
        finally
        {
            foreach (var tag in tags)
            {
                await DockerCli.RemoveQuietlyAsync("image", "rm", "-f", tag);
            }
        }
    }

    private static string Rewrite(string dockerfile)
    {
        var pass = new CacheMountsPass();
        var options = new RewriteOptions(RewriteLevel.Safe, ImmutableHashSet.Create(StringComparer.Ordinal, pass.Info.Id), []);
        return new Rewriter([pass]).Rewrite(dockerfile, "Dockerfile", EmptyBuildContext.Instance, options).RewrittenText;
    }

    private static async Task<(string Tag, string Log)> BuildAsync(TempDirectory context, string dockerfile, string tag, List<string> tags)
    {
        var path = context.Write(tag[(tag.LastIndexOf(':') + 1)..] + ".Dockerfile", dockerfile);
        tags.Add(tag);
        var build = await DockerCli.RunAsync("docker", ["build", "--progress=plain", "-f", path, "-t", tag, context.Path], BuildTimeout);
        Assert.True(build.ExitCode == 0, build.StandardError);
        return (tag, build.StandardError);
    }

    private static async Task<string> AptTreeOf(string tag)
    {
        var result = await DockerCli.RunAsync("docker", ["run", "--rm", tag, "sh", "-c", AptTree], DockerCli.ShortTimeout);
        Assert.True(result.ExitCode == 0, result.StandardError);
        return result.StandardOutput;
    }

    // apt prints "Fetched 9425 kB in 5s": the update's line comes first, the install's second.
    private static List<long> FetchedBytes(string log) =>
        [.. Fetched().Matches(log).Select(m => (long)(double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) * m.Groups[2].Value switch
        {
            "kB" => 1_000,
            "MB" => 1_000_000,
            _ => 1,
        }))];

    [GeneratedRegex(@"Fetched ([\d.]+) (B|kB|MB) in")]
    private static partial Regex Fetched();
}