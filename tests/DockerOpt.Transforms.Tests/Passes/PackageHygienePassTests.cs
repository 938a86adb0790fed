using DockerOpt.TestKit;
using DockerOpt.Transforms.Passes;
using DockerOpt.Transforms.Tests.Harness;

namespace DockerOpt.Transforms.Tests.Passes;

public sealed class PackageHygienePassTests
{
    public static TheoryData<string> Cases => PassCases.For(PackageHygienePass.Id);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Package_installs_follow_the_size_and_reproducibility_habits(string caseName) =>
        PassCaseRunner.Verify(new PackageHygienePass(), caseName);

    [CorpusFact]
    public void Every_corpus_file_survives_the_pass_idempotently() =>
        CorpusRewriteCheck.Run(new PackageHygienePass());
}