using System.Text.Json;

namespace DockerOpt.Cli.Rendering;

/// <summary>The <see cref="Utf8JsonWriter"/> steps the CLI's JSON documents share.</summary>
internal static class JsonWriting
{
    /// <summary>Writes <c>"name": ["a", "b"]</c>, or <c>"name": null</c> when there are no values at all.</summary>
    public static void WriteStringArray(this Utf8JsonWriter writer, string name, IEnumerable<string>? values)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (values is null)
        {
            writer.WriteNull(name);
            return;
        }

        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}