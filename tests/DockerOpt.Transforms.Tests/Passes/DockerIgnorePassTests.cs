using DockerOpt.TestKit;
using DockerOpt.Transforms.Passes;
using DockerOpt.Transforms.Tests.Harness;

namespace DockerOpt.Transforms.Tests.Passes;

public sealed class DockerIgnorePassTests
{
    public static TheoryData<string> Cases => PassCases.For(DockerIgnorePass.PassId);

    [Theory]
    [MemberData(nameof(Cases))]
    public void I_can_review_each_dockerignore_case(string caseName) => PassCaseRunner.Verify(new DockerIgnorePass(), caseName);

    [CorpusFact]
    public void Every_corpus_file_rewrites_without_error_parses_and_is_stable() => RuntimePassCorpus.Check(new DockerIgnorePass());
}