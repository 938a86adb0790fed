namespace DockerOpt.Engine.Engines;

/// <summary>
/// A buildx builder as <c>docker buildx inspect NAME</c> describes it: its driver and its first node's endpoint. It
/// decides where a <c>--load</c>ed image lands: a <c>docker</c>-driver builder is a Docker engine itself (its endpoint
/// names that engine's context), so the image is in that engine; the other drivers (<c>docker-container</c>,
/// <c>remote</c>, <c>kubernetes</c>) send the result to the engine of the client's current context.
/// </summary>
public sealed record BuildxBuilder(string Name, string Driver, string? Endpoint)
{
    /// <summary>The Docker context whose engine holds the loaded images, or null for the client's current one.</summary>
    public string? EngineContext => Driver == "docker" && !string.IsNullOrEmpty(Endpoint) ? Endpoint : null;

    /// <summary>Reads <c>docker buildx inspect</c> text; null when it names no driver.</summary>
    public static BuildxBuilder? Parse(string name, string inspectOutput)
    {
        ArgumentNullException.ThrowIfNull(inspectOutput);
        string? driver = null;
        string? endpoint = null;
        foreach (var line in inspectOutput.Split('\n', StringSplitOptions.TrimEntries))
        {
            driver ??= ValueOf(line, "Driver:");
            endpoint ??= ValueOf(line, "Endpoint:");
        }

        return driver is null ? null : new BuildxBuilder(name, driver, endpoint);
    }

    private static string? ValueOf(string line, string key) =>
        line.StartsWith(key, StringComparison.Ordinal) ? line[key.Length..].Trim() : null;
}