using DockerOpt.Core.Passes;
using DockerOpt.Transforms.Catalog;

namespace DockerOpt.Transforms.Tests.Catalog;

public sealed class BaseImageCatalogTests
{
    [Theory]
    [InlineData("python", "3.12", "slim", "3.12-slim")]
    [InlineData("python", "3.12.4-bookworm", "slim", "3.12.4-slim-bookworm")]
    [InlineData("python", "latest", "slim", "slim")]
    [InlineData("python", "3.11-bullseye", "alpine", "3.11-alpine")]
    [InlineData("node", "20", "slim", "20-slim")]
    [InlineData("node", "20-bookworm", "slim", "20-bookworm-slim")]
    [InlineData("node", "lts", "slim", "lts-slim")]
    [InlineData("node", "20.11.1", "alpine", "20.11.1-alpine")]
    [InlineData("debian", "bookworm", "slim", "bookworm-slim")]
    public void A_tag_moves_down_the_ladder_keeping_its_version(string repository, string tag, string variant, string expected)
    {
        var family = BaseImageCatalog.Default.FindFamily(repository)!;
        var (_, values) = family.Classify(tag)!.Value;

        var rendered = family.Variants.Single(v => v.Name == variant).Render(values, family.Keep);

        Assert.Equal(expected, rendered);
    }

    [Theory]
    [InlineData("node", "20-slim", "slim")]
    [InlineData("node", "20-alpine3.19", null)]
    [InlineData("python", "3.12-slim-bookworm", "slim")]
    [InlineData("python", "3.12-windowsservercore", null)]
    [InlineData("golang", "1.22", "full")]
    public void A_tag_is_placed_on_its_rung_or_is_unknown(string repository, string tag, string? expected)
    {
        var family = BaseImageCatalog.Default.FindFamily(repository)!;

        var rung = family.Classify(tag) is { } found ? family.Variants[found.Index].Name : null;

        Assert.Equal(expected, rung);
    }

    [Fact]
    public void A_swap_that_would_drop_the_version_is_refused()
    {
        var family = BaseImageCatalog.Default.FindFamily("node")!;
        var alpineWithoutVersion = new ImageVariant("alpine", RewriteLevel.Aggressive, [new TagTemplate("alpine", new Dictionary<string, string>())], []);

        Assert.Null(alpineWithoutVersion.Render(family.Classify("20")!.Value.Values, family.Keep));
    }

    [Theory]
    [InlineData("node", "node")]
    [InlineData("docker.io/library/python", "python")]
    [InlineData("library/golang", "golang")]
    [InlineData("ghcr.io/someone/node", null)]
    [InlineData("bitnami/python", null)]
    public void Only_the_official_images_belong_to_a_family(string path, string? expected)
    {
        Assert.Equal(expected, BaseImageCatalog.Default.FindFamily(path)?.Repository);
    }

    [Fact]
    public void An_override_layer_adds_a_mirror_and_replaces_a_family()
    {
        const string layer = """
            {
              "mirrorPrefixes": ["mirror.example.com/dockerhub/"],
              "families": [
                {
                  "repository": "node",
                  "ecosystem": "node",
                  "placeholders": { "version": "[0-9]+" },
                  "keep": ["version"],
                  "variants": [
                    { "name": "full", "tags": ["{version}"] },
                    { "name": "slim", "level": "safe", "tags": ["{version}-bookworm-slim"] }
                  ]
                }
              ]
            }
            """;

        var catalog = BaseImageCatalog.WithOverrides([layer]);
        var node = catalog.FindFamily("mirror.example.com/dockerhub/node")!;

        Assert.Equal("20-bookworm-slim", node.Variants[1].Render(node.Classify("20")!.Value.Values, node.Keep));
        Assert.NotNull(catalog.FindFamily("python"));
    }

    [Fact]
    public void Every_shipped_rung_after_the_first_says_which_level_may_choose_it()
    {
        foreach (var family in BaseImageCatalog.Default.Families)
        {
            Assert.Equal("full", family.Variants[0].Name);
            Assert.All(family.Variants.Skip(1).Where(v => v.Name is "alpine"), v => Assert.Equal(RewriteLevel.Aggressive, v.Level));
        }
    }
}