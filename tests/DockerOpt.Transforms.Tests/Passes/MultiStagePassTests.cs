using DockerOpt.Transforms.Passes;
using DockerOpt.Transforms.Tests.Harness;

namespace DockerOpt.Transforms.Tests.Passes;

public sealed class MultiStagePassTests
{
    public static TheoryData<string> Cases => PassCases.For(MultiStagePass.Id);

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_runtime_stage_holds_only_what_runs(string caseName)
    {
        PassCaseRunner.Verify(new MultiStagePass(), caseName);
    }
}