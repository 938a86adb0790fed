using DockerOpt.Engine.Verification;

namespace DockerOpt.Cli.Verification;

/// <summary>Hears what a run over many Dockerfiles does, as it happens (the live summary). Called from several threads.</summary>
public interface IVerifyBatchObserver
{
    /// <summary>A Dockerfile's verification starts (it got one of the <c>--jobs</c> slots).</summary>
    void Started(string displayPath);

    /// <summary>A running verification moved on (a new phase, other build steps running).</summary>
    void Progressed(string displayPath, VerifyProgress progress);

    /// <summary>A Dockerfile is done, whatever the verdict; its images are removed by then.</summary>
    void Finished(VerifyOutcome outcome);
}