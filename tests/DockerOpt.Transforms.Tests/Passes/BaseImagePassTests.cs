using DockerOpt.Transforms.Passes;
using DockerOpt.Transforms.Tests.Harness;

namespace DockerOpt.Transforms.Tests.Passes;

public sealed class BaseImagePassTests
{
    public static TheoryData<string> Cases => PassCases.For(BaseImagePass.Id);

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_runtime_stage_gets_the_smallest_image_that_still_has_what_it_needs(string caseName)
    {
        PassCaseRunner.Verify(new BaseImagePass(), caseName);
    }
}