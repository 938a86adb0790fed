namespace DockerOpt.Engine.Engines;

/// <summary>
/// What an HTTP probe of a running container saw: the status code of the first answer, or why there was none.
/// </summary>
/// <param name="StatusCode">The HTTP status, or null when the container never answered.</param>
/// <param name="Failure">Why there was no answer (connection refused until the deadline, container exited, ...).</param>
/// <param name="ContainerLogTail">The last lines the container printed, to explain a failure.</param>
public sealed record HttpProbeResult(int? StatusCode, string? Failure, string ContainerLogTail)
{
    /// <summary>Answered with a 2xx or 3xx status.</summary>
    public bool Succeeded => StatusCode is >= 200 and < 400;
}