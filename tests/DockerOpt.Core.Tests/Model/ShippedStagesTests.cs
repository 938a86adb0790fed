using DockerOpt.Core.Model;
using DockerOpt.Syntax;

namespace DockerOpt.Core.Tests.Model;

/// <summary>
/// Which stages reach the shipped image is one fact of the model that every pass reads: what a thrown-away stage
/// leaves in its layers (caches, lists, layer counts) costs the image nothing.
/// </summary>
public sealed class ShippedStagesTests
{
    private static DockerfileModel Build(string text) => DockerfileModel.Build(DockerfileParser.Parse(text, "Dockerfile"));

    private static int[] Shipped(DockerfileModel model) => [.. model.Stages.Where(model.Ships).Select(s => s.Index)];

    [Fact]
    public void A_builder_whose_artifact_alone_is_copied_is_thrown_away()
    {
        var model = Build("FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM debian:bookworm-slim\nCOPY --from=build /out/app /app\nCMD [\"/app\"]\n");

        Assert.Equal([1], Shipped(model));
    }

    [Fact]
    public void The_final_stage_ships_with_every_stage_it_builds_FROM()
    {
        var model = Build("FROM debian AS base\nRUN a\nFROM base AS deps\nRUN b\nFROM debian AS unused\nRUN c\nFROM deps\nRUN d\n");

        Assert.Equal([0, 1, 3], Shipped(model));
    }

    [Theory]
    [InlineData("/")]
    [InlineData(".")]
    [InlineData("/var")]
    [InlineData("/var/lib/apt/lists")]
    [InlineData("/root/")]
    public void A_stage_copied_with_a_path_that_holds_its_package_caches_ships_its_filesystem(string path)
    {
        var model = Build($"FROM debian AS rootfs\nRUN apt-get update\nFROM scratch\nCOPY --from=rootfs {path} /\n");

        Assert.True(model.Ships(model.Stages[0]));
    }

    [Theory]
    [InlineData("/usr/share/dotnet")]
    [InlineData("/app/site")]
    [InlineData("$OUT")]
    public void A_specific_artifact_path_does_not_carry_the_stage_into_the_image(string path)
    {
        var model = Build($"FROM debian AS rootfs\nRUN apt-get update\nFROM scratch\nCOPY --from=rootfs [\"{path}\", \"/x\"]\n");

        Assert.False(model.Ships(model.Stages[0]));
    }

    [Fact]
    public void With_a_target_the_target_stage_ships_and_the_final_stage_does_not()
    {
        var model = Build("FROM debian AS dev\nRUN a\nFROM debian\nCOPY --from=dev /usr/bin/tool /usr/bin/tool\n").WithTarget("dev");

        Assert.Equal("dev", model.BuiltStage!.Name);
        Assert.Equal([0], Shipped(model));
    }

    [Fact]
    public void A_stage_copied_whole_into_a_shipped_stage_brings_its_own_ancestors()
    {
        var model = Build("FROM debian AS base\nRUN a\nFROM base AS rootfs\nRUN b\nFROM scratch\nCOPY --from=rootfs / /\n");

        Assert.Equal([0, 1, 2], Shipped(model));
    }
}