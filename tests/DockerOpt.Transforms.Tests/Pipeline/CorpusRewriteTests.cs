using DockerOpt.Core.Passes;
using DockerOpt.TestKit;
using DockerOpt.Transforms.Tests.Harness;

namespace DockerOpt.Transforms.Tests.Pipeline;

/// <summary>
/// Every real-world Dockerfile in ../shared/corpus goes through the whole pipeline: no exception, the output
/// parses with no new diagnostics, and rewriting the output again changes nothing.
/// </summary>
public sealed class CorpusRewriteTests
{
    [CorpusFact]
    public void Every_corpus_file_rewrites_cleanly_and_idempotently() =>
        CorpusRewriteCheck.Run(PassRegistry.CreateRewriter(), RewriteOptions.Default);
}