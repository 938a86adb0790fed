using DockerOpt.Engine.Errors;

namespace DockerOpt.Engine.Engines;

/// <summary>
/// Recognises the engine-level failures in a client's error output (no daemon, no permission on the
/// socket), which look the same whichever command hit them, so each gets one clear message.
/// </summary>
public static class EngineErrorClassifier
{
    private static readonly string[] DaemonDownMarkers =
    [
        "Cannot connect to the Docker daemon",
        "Is the docker daemon running",
        "error during connect",
        "Cannot connect to Podman",
        "unable to connect to Podman socket",
    ];

    /// <summary>The specific exception for <paramref name="standardError"/>, or null when it is an ordinary command failure.</summary>
    public static EngineException? Classify(string executable, string standardError)
    {
        ArgumentNullException.ThrowIfNull(standardError);
        var message = FirstMeaningfulLine(standardError);
        if (standardError.Contains("permission denied", StringComparison.OrdinalIgnoreCase)
            && (standardError.Contains(".sock", StringComparison.Ordinal)
                || standardError.Contains("daemon socket", StringComparison.OrdinalIgnoreCase)))
        {
            return new EnginePermissionDeniedException(executable, message);
        }

        foreach (var marker in DaemonDownMarkers)
        {
            if (standardError.Contains(marker, StringComparison.OrdinalIgnoreCase))
            {
                return new EngineDaemonUnavailableException(executable, message);
            }
        }

        return null;
    }

    private static string FirstMeaningfulLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
}