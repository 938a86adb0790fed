using System.Text.Json;
using System.Text.Json.Nodes;

using Json.Schema;

namespace DockerOpt.Cli.Tests.Support;

/// <summary>
/// The official SARIF 2.1.0 schema (Schemas/sarif-2.1.0-rtm.5.json, see Schemas/README.md for its source). It is
/// written for JSON Schema draft-04, which JsonSchema.Net does not implement; it uses no keyword whose meaning
/// changed since, so it is read as draft-07 after renaming the draft-04 $schema URI (and dropping its top-level id).
/// </summary>
public static class SarifSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(Load);

    public static EvaluationResults Evaluate(string sarif)
    {
        using var instance = JsonDocument.Parse(sarif);
        return Schema.Value.Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    /// <summary>The validation errors as readable lines (empty when valid).</summary>
    public static IReadOnlyList<string> Errors(EvaluationResults results) =>
        [.. (results.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}"))];

    private static JsonSchema Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Schemas", "sarif-2.1.0-rtm.5.json");
        var node = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        node["$schema"] = "http://json-schema.org/draft-07/schema#";
        // Draft-04's "id" is dropped rather than renamed "$id": a registered $id is global to the JsonSchema.Net
        // process, and the schema's own "#/definitions/..." references do not need it.
        node.Remove("id");
        return JsonSchema.FromText(node.ToJsonString());
    }
}