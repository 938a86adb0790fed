namespace DockerOpt.Engine.Errors;

/// <summary>
/// The user's ORIGINAL Dockerfile does not build, so there is nothing to compare the rewrite with. Said
/// plainly, because the failure is not dockeropt's doing.
/// </summary>
public sealed class OriginalBuildFailedException : EngineException
{
    public OriginalBuildFailedException(string dockerfilePath, string buildLogTail)
        : base($"the original {dockerfilePath} fails to build on this engine (not dockeropt's doing; fix it first): {buildLogTail}")
    {
        DockerfilePath = dockerfilePath;
        BuildLogTail = buildLogTail;
    }

    public string DockerfilePath { get; }

    /// <summary>The last lines of the engine's build output.</summary>
    public string BuildLogTail { get; }
}