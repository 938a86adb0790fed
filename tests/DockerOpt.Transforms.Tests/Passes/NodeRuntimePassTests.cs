using DockerOpt.TestKit;
using DockerOpt.Transforms.Passes;
using DockerOpt.Transforms.Tests.Harness;

namespace DockerOpt.Transforms.Tests.Passes;

public sealed class NodeRuntimePassTests
{
    public static TheoryData<string> Cases => PassCases.For(NodeRuntimePass.PassId);

    [Theory]
    [MemberData(nameof(Cases))]
    public void I_can_review_each_node_runtime_case(string caseName) => PassCaseRunner.Verify(new NodeRuntimePass(), caseName);

    [CorpusFact]
    public void Every_corpus_file_rewrites_without_error_parses_and_is_stable() => CorpusRewriteCheck.RunAggressive(new NodeRuntimePass());
}