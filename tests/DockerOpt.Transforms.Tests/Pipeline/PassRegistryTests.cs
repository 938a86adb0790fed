using System.Collections.Immutable;

using DockerOpt.Core.BuildContext;
using DockerOpt.Core.Passes;
using DockerOpt.Core.Rewriting;
using DockerOpt.Transforms.Catalog;

namespace DockerOpt.Transforms.Tests.Pipeline;

/// <summary>
/// A team whose images come through a registry mirror configures the catalog once; every pass the registry builds
/// from those settings sees it, and nothing swaps a pass afterwards.
/// </summary>
public sealed class PassRegistryTests
{
    private const string MirroredPython = "FROM mirror.example.com/dockerhub/python:3.12\nCOPY app.py /app/\nCMD [\"python\", \"/app/app.py\"]\n";

    [Fact]
    public void The_shipped_settings_give_the_one_shared_list_of_passes_in_order()
    {
        var passes = PassRegistry.Create(PassSettings.Default);

        Assert.Equal(PassRegistry.All, passes);
        Assert.Equal("multi-stage", passes[0].Info.Id);
        Assert.Equal("dockerignore", passes[^1].Info.Id);
    }

    [Fact]
    public void A_catalog_with_a_mirror_prefix_reaches_the_base_image_pass_and_the_shipped_one_does_not_know_the_mirror()
    {
        var mirrored = new PassSettings { Catalog = BaseImageCatalog.WithOverrides(["""{ "mirrorPrefixes": ["mirror.example.com/dockerhub/"] }"""]) };

        var shipped = Rewrite(PassRegistry.Create(PassSettings.Default));
        var configured = Rewrite(PassRegistry.Create(mirrored));

        Assert.StartsWith("FROM mirror.example.com/dockerhub/python:3.12\n", shipped, StringComparison.Ordinal);
        Assert.StartsWith("FROM mirror.example.com/dockerhub/python:3.12-slim\n", configured, StringComparison.Ordinal);
        Assert.Equal(PassRegistry.All.Select(p => p.Info.Id), PassRegistry.Create(mirrored).Select(p => p.Info.Id));
    }

    private static string Rewrite(ImmutableArray<IRewritePass> passes)
    {
        var context = new InMemoryBuildContext(new Dictionary<string, string> { ["app.py"] = "print('hi')\n" });
        return new Rewriter(passes).Rewrite(MirroredPython, "Dockerfile", context, RewriteOptions.Default).RewrittenText;
    }
}