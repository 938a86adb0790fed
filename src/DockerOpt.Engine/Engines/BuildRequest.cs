namespace DockerOpt.Engine.Engines;

/// <summary>One image build.</summary>
/// <param name="DockerfilePath">The Dockerfile (the user's original, or a temp file holding the rewrite).</param>
/// <param name="ContextDirectory">The build context.</param>
/// <param name="Tag">The tag the image gets, so it can be saved, run and removed by name.</param>
/// <param name="NoCache">A cold build: no layer from an earlier build is reused.</param>
public sealed record BuildRequest(string DockerfilePath, string ContextDirectory, string Tag, bool NoCache = false);