using System.Text.Json;

using DockerOpt.Core.Model.Roles;
using DockerOpt.Core.Rewriting;

namespace DockerOpt.Cli.Rendering;

/// <summary>
/// What a Dockerfile was treated as, for machines: <c>"treatedAs": {"role": "base-image", "description": "...",
/// "overriddenBy": null, "evidence": [{"role", "fact", "line"}], "generated": {"line", "generator", "text"}}</c>.
/// </summary>
public static class TreatedAsJson
{
    public static void Write(Utf8JsonWriter writer, RewriteResult result)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        if (result.Role is null && result.Generated is null)
        {
            return;
        }

        writer.WriteStartObject("treatedAs");
        WriteBody(writer, result);
        writer.WriteEndObject();
    }

    /// <summary>The members of the object (for SARIF properties, which nest it under another name).</summary>
    public static void WriteBody(Utf8JsonWriter writer, RewriteResult result)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        if (result.Role is { } role)
        {
            writer.WriteString("role", ImageRoles.Id(role.Role));
            writer.WriteString("description", role.Describe());
            if (role.OverriddenBy is null)
            {
                writer.WriteNull("overriddenBy");
            }
            else
            {
                writer.WriteString("overriddenBy", role.OverriddenBy);
            }

            writer.WriteStartArray("evidence");
            foreach (var evidence in role.Evidence)
            {
                writer.WriteStartObject();
                writer.WriteString("role", ImageRoles.Id(evidence.PointsTo));
                writer.WriteString("fact", evidence.Fact);
                if (evidence.Line is { } line)
                {
                    writer.WriteNumber("line", line);
                }
                else
                {
                    writer.WriteNull("line");
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (result.Generated is { } generated)
        {
            writer.WriteStartObject("generated");
            if (generated.Line is { } line)
            {
                writer.WriteNumber("line", line);
            }
            else
            {
                writer.WriteNull("line");
            }

            if (generated.Generator is null)
            {
                writer.WriteNull("generator");
            }
            else
            {
                writer.WriteString("generator", generated.Generator);
            }

            writer.WriteString("text", generated.Text);
            writer.WriteBoolean("leftAlone", result.SkippedAsGenerated);
            writer.WriteEndObject();
        }
    }
}