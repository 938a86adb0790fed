using DockerOpt.TestKit;
using DockerOpt.Transforms.Passes;
using DockerOpt.Transforms.Tests.Harness;

namespace DockerOpt.Transforms.Tests.Passes;

public sealed class SameLayerCleanupPassTests
{
    public static TheoryData<string> Cases => PassCases.For(SameLayerCleanupPass.Id);

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_cleanup_RUN_is_folded_into_the_RUN_that_created_the_files(string caseName) =>
        PassCaseRunner.Verify(new SameLayerCleanupPass(), caseName);

    [CorpusFact]
    public void Every_corpus_file_survives_the_pass_idempotently() =>
        CorpusRewriteCheck.Run(new SameLayerCleanupPass());
}