using System.Collections.Immutable;
using System.Text.Json;

namespace DockerOpt.Engine.Images;

/// <summary>
/// The runtime configuration of an image that a rewrite must keep: how it starts (Cmd, Entrypoint),
/// what it listens on, as whom it runs, its environment and working directory.
/// </summary>
/// <param name="Cmd">Null when the image has none.</param>
/// <param name="Entrypoint">Null when the image has none.</param>
/// <param name="ExposedPorts">Sorted, e.g. <c>8080/tcp</c>.</param>
/// <param name="User">Empty means root.</param>
/// <param name="Env">NAME=value pairs in image order.</param>
/// <param name="WorkingDir">Empty means the root directory.</param>
public sealed record ImageConfig(
    ImmutableArray<string>? Cmd,
    ImmutableArray<string>? Entrypoint,
    ImmutableArray<string> ExposedPorts,
    string User,
    ImmutableArray<string> Env,
    string WorkingDir)
{
    public static ImageConfig Empty { get; } = new(null, null, [], "", [], "");

    /// <summary>
    /// Reads the container configuration object: the <c>config</c> member of an image config blob, or what
    /// <c>docker image inspect --format '{{json .Config}}'</c> prints. <c>null</c> JSON gives <see cref="Empty"/>.
    /// </summary>
    public static ImageConfig FromJson(JsonElement config)
    {
        if (config.ValueKind != JsonValueKind.Object)
        {
            return Empty;
        }

        return new ImageConfig(
            StringArray(config, nameof(Cmd)),
            StringArray(config, nameof(Entrypoint)),
            config.TryGetProperty(nameof(ExposedPorts), out var ports) && ports.ValueKind == JsonValueKind.Object
                ? [.. ports.EnumerateObject().Select(static port => port.Name).Order(StringComparer.Ordinal)]
                : [],
            StringValue(config, nameof(User)),
            StringArray(config, nameof(Env)) ?? [],
            StringValue(config, nameof(WorkingDir)));
    }

    private static ImmutableArray<string>? StringArray(JsonElement config, string name) =>
        config.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Select(static item => item.GetString() ?? "")]
            : null;

    private static string StringValue(JsonElement config, string name) =>
        config.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";
}