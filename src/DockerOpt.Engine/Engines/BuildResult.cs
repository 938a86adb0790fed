namespace DockerOpt.Engine.Engines;

/// <summary>What a build did: whether it succeeded, how long it took, and the end of its log for errors.</summary>
public sealed record BuildResult(bool Succeeded, int ExitCode, TimeSpan Duration, string LogTail)
{
    /// <summary>The tag the image got (only meaningful when <see cref="Succeeded"/>).</summary>
    public string Tag { get; init; } = "";

    /// <summary>
    /// The image's id (<c>sha256:...</c>) as the engine wrote it with <c>--iidfile</c>, or null when it wrote none.
    /// A tag moves to the next image built with it; the id keeps naming this one, so clean-up can find it.
    /// </summary>
    public string? ImageId { get; init; }
}