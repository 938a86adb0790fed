using DockerOpt.Core.Model;
using DockerOpt.Syntax;
using DockerOpt.Transforms.Layers;

namespace DockerOpt.Transforms.Tests.Layers;

/// <summary>
/// A pass that adds commands or mounts must know when tally (0.45.0) would then ask for a heredoc where it did not
/// before. Each case is a Dockerfile tally was run on, with the lines it reported (tally lint --no-config).
/// </summary>
public sealed class HeredocReportsTests
{
    [Theory]
    [InlineData("RUN a\nRUN b && c\n", 1)] // a group of two RUNs and three commands: once, at its first RUN
    [InlineData("RUN a\n# comment\n\nRUN b && c\n", 1)] // comments and blank lines do not end a group
    [InlineData("RUN a && b && c\nRUN d && e && f\n", 2)] // each RUN of three commands at its own line
    [InlineData("RUN a\nRUN b\nRUN d && e && f\n", 2)] // the group at its first RUN, and the long RUN at its own line
    [InlineData("RUN a || b && c\n", 0)] // a || chain counts once
    [InlineData("RUN [\"a\", \"b\"]\nRUN b && c\n", 0)] // an exec-form RUN ends a group
    [InlineData("RUN a\nRUN --network=none b && c\n", 1)] // flags other than --mount do not end a group
    [InlineData("RUN --mount=type=cache,target=/a a\nRUN --mount=type=cache,target=/a b && c\n", 1)] // same mounts: one group
    [InlineData("RUN --mount=type=cache,target=/a a\nRUN --mount=type=cache,target=/b b && c\n", 0)] // other mounts: two groups
    [InlineData("RUN a\nENV X=1\nRUN b && c\n", 0)] // any other instruction ends a group
    public void Counts_the_reports_tally_makes_on_a_stage(string body, int reports)
    {
        var model = DockerfileModel.Build(DockerfileParser.Parse("FROM debian:12\n" + body + "CMD [\"x\"]\n"));
        var stage = model.Stages[0];

        var slots = stage.Instructions.Select(i => HeredocReports.Slot(model, i)).ToList();

        Assert.Equal(reports, HeredocReports.Reports(slots));
    }

    [Fact]
    public void A_third_command_on_a_RUN_of_its_own_rises_and_one_on_a_RUN_already_reported_does_not()
    {
        var model = DockerfileModel.Build(DockerfileParser.Parse("FROM debian:12\nRUN a && b\nCOPY x y\nRUN c && d && e\n"));
        var body = model.Stages[0].Instructions;

        Assert.True(HeredocReports.Rises(model, body, 0, before: 0, after: 1));
        Assert.False(HeredocReports.Rises(model, body, 2, before: 0, after: 1));
    }

    [Fact]
    public void A_group_of_many_RUNs_is_read_two_RUNs_either_side()
    {
        var text = "FROM debian:12\n" + string.Concat(Enumerable.Repeat("RUN a\n", 50_000));
        var model = DockerfileModel.Build(DockerfileParser.Parse(text));
        var body = model.Stages[0].Instructions;

        // The group is reported at its first RUN either way; a RUN in the middle reaching three commands adds its line.
        Assert.True(HeredocReports.Rises(model, body, 25_000, before: 0, after: 2));
        Assert.False(HeredocReports.Rises(model, body, 25_000, before: 0, after: 1));
    }
}