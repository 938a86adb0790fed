using DockerOpt.Cli.CommandLine;
using DockerOpt.Cli.Configuration;
using DockerOpt.Cli.Tests.Support;
using DockerOpt.Core.Passes;

namespace DockerOpt.Cli.Tests;

public sealed class ConfigTests : IDisposable
{
    private const string Naive = "FROM debian\nRUN apt-get install -y curl\n";
    private static readonly HashSet<string> Known = ["test-no-recommends", "test-ignore-git", "test-privileged-port"];
    private readonly CliSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    [Fact]
    public void I_can_write_every_documented_setting_and_read_it_back()
    {
        sandbox.Write("ci/catalog.json", """{ "mirrorPrefixes": ["registry.corp/hub/"] }""");
        sandbox.Write(".dockeropt.yaml", """
            # dockeropt settings for this repository
            level: aggressive   # bolder swaps
            skip: [test-ignore-git, "test-privileged-port"]
            baseImages:
              mirrorPrefixes:
                - Mirror.Example.com/dockerhub
              catalog: ci/catalog.json
            budget:
              maxSize: 300MB
              maxWasted: '20 MiB'
              minEfficiency: 0.95
            """);

        var config = ConfigReader.Read(sandbox.PathOf(".dockeropt.yaml"), ".dockeropt.yaml", Known);

        Assert.Equal(RewriteLevel.Aggressive, config.Level);
        Assert.Equal(["test-ignore-git", "test-privileged-port"], config.Skip.Order(StringComparer.Ordinal));
        Assert.Equal(["mirror.example.com/dockerhub/"], config.MirrorPrefixes.ToArray());
        Assert.Equal([sandbox.PathOf("ci/catalog.json")], config.CatalogFiles.ToArray());
        Assert.Equal(300_000_000, config.Budget.MaxSize);
        Assert.Equal(20L * 1024 * 1024, config.Budget.MaxWasted);
        Assert.Equal(0.95, config.Budget.MinEfficiency);
        Assert.Equal(
            ["""{"mirrorPrefixes":["mirror.example.com/dockerhub/"]}""", """{ "mirrorPrefixes": ["registry.corp/hub/"] }"""],
            config.CatalogLayers().ToArray());
    }

    [Theory]
    [InlineData("level: bold\n", "1:8: error: level must be 'safe' or 'aggressive', not 'bold'")]
    [InlineData("skip:\n  - merge-runs\n", "2:5: error: unknown pass id 'merge-runs'; known passes: test-ignore-git, test-no-recommends, test-privileged-port (see 'dockeropt passes')")]
    [InlineData("levle: safe\n", "1:1: error: unknown setting 'levle'; expected one of: level, only, skip, role, roles, baseImages, budget, verify")]
    [InlineData("budget:\n  maxSize: huge\n", "2:12: error: maxSize must be a size like 300MB or 1.5GiB, not 'huge'")]
    [InlineData("budget:\n  minEfficiency: 2\n", "2:18: error: minEfficiency must be a number from 0 to 1, not '2'")]
    [InlineData("budget: 300MB\n", "1:9: error: 'budget' must be an indented block of settings (maxSize, maxWasted, minEfficiency)")]
    [InlineData("level: safe\nlevel: aggressive\n", "2:1: error: 'level' is set twice")]
    [InlineData("skip: [a, b\n", "1:12: error: missing ']' (a [ ] list must end on the same line)")]
    [InlineData("budget:\n\tmaxSize: 1MB\n", "2:1: error: tabs are not allowed for indentation in YAML; use spaces")]
    [InlineData("level: safe\n  skip: []\n", "2:3: error: unexpected indentation")]
    [InlineData("base: &anchor x\n", "1:7: error: anchors, aliases and tags are not supported")]
    [InlineData("budget: {maxSize: 1MB}\n", "1:9: error: { } mappings are not supported; write the keys as an indented block")]
    [InlineData("- level\n", "1:1: error: the top level must be a mapping (key: value), not a list")]
    [InlineData("only: [test-ignore-git]\nskip: [test-no-recommends]\n", "1:1: error: 'only' and 'skip' cannot both be set (choose one)")]
    [InlineData("level: 'safe\n", "1:8: error: missing closing '")]
    [InlineData("baseImages:\n  catalog: missing.json\n", "2:12: error: catalog file 'missing.json' does not exist")]
    public void A_mistake_in_the_config_is_reported_at_file_line_col(string yaml, string expected)
    {
        sandbox.Write(".dockeropt.yaml", yaml);

        var error = Assert.Throws<UserInputException>(() => ConfigReader.Read(sandbox.PathOf(".dockeropt.yaml"), ".dockeropt.yaml", Known));

        Assert.Equal(".dockeropt.yaml:" + expected, error.Message);
    }

    [Fact]
    public void Comments_quotes_and_lists_at_the_key_indentation_are_read_as_YAML_reads_them()
    {
        var root = YamlSubsetParser.Parse("a: 'it''s # not a comment' # a comment\nb:\n- \"x\\ty\"\n- plain value\nc: image:tag\n", "f.yaml");

        Assert.Equal("it's # not a comment", ((YamlScalar)root.Entries[0].Value).Value);
        var list = (YamlSequence)root.Entries[1].Value;
        Assert.Equal(["x\ty", "plain value"], list.Items.Cast<YamlScalar>().Select(s => s.Value));
        Assert.Equal("image:tag", ((YamlScalar)root.Entries[2].Value).Value);
    }

    [Fact]
    public void The_nearest_config_upward_from_the_Dockerfile_applies()
    {
        sandbox.Write(".git/HEAD", "ref: refs/heads/main\n")
            .Write(".dockeropt.yaml", "skip: [test-no-recommends]\n")
            .Write("svc/Dockerfile", Naive)
            .Write("svc/.dockerignore", ".git\n");

        var result = sandbox.Run("rewrite", "--check", "svc");

        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public void The_search_stops_at_the_repository_root()
    {
        sandbox.Write(".dockeropt.yaml", "skip: [test-no-recommends]\n")
            .Write("repo/.git/HEAD", "ref: refs/heads/main\n")
            .Write("repo/Dockerfile", Naive)
            .Write("repo/.dockerignore", ".git\n");

        var result = sandbox.Run("rewrite", "--check", "repo");

        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public void An_explicit_config_file_is_used_and_the_command_line_wins_over_it()
    {
        sandbox.Write("Dockerfile", Naive).Write(".dockerignore", ".git\n").Write("ci/dockeropt.yaml", "only: [test-ignore-git]\n");

        var fromFile = sandbox.Run("rewrite", "--check", "--config", "ci/dockeropt.yaml");
        var overridden = sandbox.Run("rewrite", "--check", "--config", "ci/dockeropt.yaml", "--only", "test-no-recommends");

        Assert.Equal(0, fromFile.ExitCode);
        Assert.Equal(1, overridden.ExitCode);
    }

    [Fact]
    public void A_bad_config_stops_the_command_with_exit_2_and_writes_nothing()
    {
        sandbox.Write("Dockerfile", Naive).Write(".dockeropt.yaml", "level: bold\n");
        var before = sandbox.State();

        var result = sandbox.Run("rewrite", "--apply");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(".dockeropt.yaml:1:8: error: level must be 'safe' or 'aggressive', not 'bold'\n", result.Error);
        Assert.Equal(before, sandbox.State());
    }

    [Fact]
    public void A_missing_explicit_config_is_bad_input()
    {
        sandbox.Write("Dockerfile", Naive);

        var result = sandbox.Run("lint", "--config", "nope.yaml");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("nope.yaml: no such configuration file\n", result.Error);
    }
}