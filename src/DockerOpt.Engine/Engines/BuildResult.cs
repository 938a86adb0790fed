namespace DockerOpt.Engine.Engines;

/// <summary>What a build did: whether it succeeded, how long it took, and the end of its log for errors.</summary>
public sealed record BuildResult(bool Succeeded, int ExitCode, TimeSpan Duration, string LogTail)
{
    /// <summary>The tag the image got (only meaningful when <see cref="Succeeded"/>).</summary>
    public string Tag { get; init; } = "";
}