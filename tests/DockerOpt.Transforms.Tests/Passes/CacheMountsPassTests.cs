using DockerOpt.TestKit;
using DockerOpt.Transforms.Passes;
using DockerOpt.Transforms.Tests.Harness;

namespace DockerOpt.Transforms.Tests.Passes;

public sealed class CacheMountsPassTests
{
    public static TheoryData<string> Cases => PassCases.For(CacheMountsPass.Id);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Package_manager_RUNs_get_cache_mounts_instead_of_cleanup(string caseName) =>
        PassCaseRunner.Verify(new CacheMountsPass(), caseName);

    [CorpusFact]
    public void Every_corpus_file_survives_the_pass_idempotently() =>
        CorpusRewriteCheck.Run(new CacheMountsPass());
}