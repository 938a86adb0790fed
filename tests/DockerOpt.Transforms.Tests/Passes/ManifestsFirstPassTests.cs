using DockerOpt.Transforms.Passes;
using DockerOpt.Transforms.Tests.Harness;

namespace DockerOpt.Transforms.Tests.Passes;

public sealed class ManifestsFirstPassTests
{
    public static TheoryData<string> Cases => PassCases.For(ManifestsFirstPass.Id);

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_source_edit_no_longer_reinstalls_the_dependencies(string caseName)
    {
        PassCaseRunner.Verify(new ManifestsFirstPass(), caseName);
    }
}