using DockerOpt.TestKit;
using DockerOpt.Transforms.Passes;
using DockerOpt.Transforms.Tests.Harness;

namespace DockerOpt.Transforms.Tests.Passes;

public sealed class MergeRunPassTests
{
    public static TheoryData<string> Cases => PassCases.For(MergeRunPass.Id);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Consecutive_RUNs_become_one_chain_in_the_files_style(string caseName) =>
        PassCaseRunner.Verify(new MergeRunPass(), caseName);

    [CorpusFact]
    public void Every_corpus_file_survives_the_pass_idempotently() =>
        CorpusRewriteCheck.Run(new MergeRunPass());
}