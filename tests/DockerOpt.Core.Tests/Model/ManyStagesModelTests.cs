using DockerOpt.Core.Model;
using DockerOpt.Syntax;

namespace DockerOpt.Core.Tests.Model;

/// <summary>
/// The model answers the questions passes ask per instruction (which stage, which stage a name names, is a stage used
/// later) by lookups, not scans, so a file of many stages stays linear (issue 14); the answers are the same.
/// </summary>
public sealed class ManyStagesModelTests
{
    private static DockerfileModel Build(string text) => DockerfileModel.Build(DockerfileParser.Parse(text, "Dockerfile"));

    [Fact]
    public void Every_instruction_knows_its_stage_and_an_ARG_before_the_first_FROM_has_none()
    {
        var model = Build("ARG V=1\nFROM debian AS build\nRUN make\nFROM build AS test\nRUN test\nFROM debian\nCOPY --from=build /out /out\n");

        Assert.Null(model.StageOf(model.Syntax.Instructions[0]));
        Assert.Equal([0, 0, 1, 1, 2, 2], model.Syntax.Instructions.Skip(1).Select(i => model.StageOf(i)!.Index));
        Assert.Equal(0, model.Stages[1].IndexOf(model.Syntax.Instructions[4]));
        Assert.Equal(-1, model.Stages[1].IndexOf(model.Syntax.Instructions[2]));
    }

    [Fact]
    public void A_stage_name_names_the_first_earlier_stage_with_it_in_any_case()
    {
        var model = Build("FROM debian AS Build\nRUN a\nFROM debian AS build\nRUN b\nFROM debian\nRUN c\n");

        Assert.Equal(0, model.FindStage("BUILD", 2)!.Index);
        Assert.Equal(1, model.FindStage("1", 2)!.Index);
        Assert.Null(model.FindStage("build", 0));
        Assert.Null(model.FindStage("2", 2));
    }

    [Fact]
    public void A_stage_is_used_later_when_a_later_stage_builds_on_it_or_copies_from_it()
    {
        var model = Build("FROM debian AS a\nRUN a\nFROM debian AS b\nRUN b\nFROM a AS c\nCOPY --from=1 /x /x\nFROM debian\nRUN d\n");

        Assert.Equal([true, true, false, false], model.Stages.Select(model.IsUsedByLaterStage));
    }

    [Fact]
    public void Ten_thousand_stages_that_each_copy_from_the_one_before_are_all_used()
    {
        var text = string.Concat(Enumerable.Range(0, 10_000).Select(i => $"FROM debian AS s{i}\nCOPY --from=s{Math.Max(0, i - 1)} /o /o\n"));

        var model = Build(text);

        Assert.Equal(9_999, model.Stages.Count(model.IsUsedByLaterStage));
        Assert.Equal(model.Stages, model.Syntax.Instructions.Where(i => i.Kind == InstructionKind.Copy).Select(model.StageOf));
    }
}