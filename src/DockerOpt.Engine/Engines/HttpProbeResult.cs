namespace DockerOpt.Engine.Engines;

/// <summary>
/// What an HTTP probe of a running container saw: the status code and body of the first answer, or why there was none.
/// </summary>
/// <param name="StatusCode">The HTTP status, or null when the container never answered.</param>
/// <param name="Failure">Why there was no answer (connection refused until the deadline, container exited, ...).</param>
/// <param name="ContainerLogTail">The last lines the container printed, to explain a failure.</param>
public sealed record HttpProbeResult(int? StatusCode, string? Failure, string ContainerLogTail)
{
    /// <summary>The start of the response body (up to <see cref="ContainerEngine.MaxProbeBodyChars"/> characters); empty without an answer.</summary>
    public string Body { get; init; } = "";

    /// <summary>Answered with a 2xx or 3xx status.</summary>
    public bool Succeeded => StatusCode is >= 200 and < 400;

    /// <summary>Answered with a 2xx or 3xx status and, when the probe expects a text, a body that contains it.</summary>
    public bool Satisfies(HttpProbe probe)
    {
        ArgumentNullException.ThrowIfNull(probe);
        return Succeeded && (probe.Expect is null || Body.Contains(probe.Expect, StringComparison.Ordinal));
    }
}