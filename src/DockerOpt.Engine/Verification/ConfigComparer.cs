using System.Collections.Immutable;

using DockerOpt.Engine.Images;

namespace DockerOpt.Engine.Verification;

/// <summary>Compares the runtime settings of the final stages that users and orchestrators rely on.</summary>
public static class ConfigComparer
{
    public static ImmutableArray<ConfigDifference> Compare(ImageConfig original, ImageConfig rewrite)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(rewrite);
        var differences = ImmutableArray.CreateBuilder<ConfigDifference>();
        Add(differences, "ENTRYPOINT", Describe(original.Entrypoint), Describe(rewrite.Entrypoint));
        Add(differences, "CMD", Describe(original.Cmd), Describe(rewrite.Cmd));
        Add(differences, "EXPOSE", string.Join(' ', original.ExposedPorts), string.Join(' ', rewrite.ExposedPorts));
        Add(differences, "USER", original.User.Length == 0 ? "(root)" : original.User, rewrite.User.Length == 0 ? "(root)" : rewrite.User);
        return differences.ToImmutable();
    }

    /// <summary>An exec-form list as Dockerfile JSON (<c>["node", "app.js"]</c>), or <c>(none)</c>.</summary>
    public static string Describe(ImmutableArray<string>? values) =>
        values is { } list ? "[" + string.Join(", ", list.Select(static value => "\"" + value.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"")) + "]" : "(none)";

    private static void Add(ImmutableArray<ConfigDifference>.Builder differences, string field, string original, string rewrite)
    {
        if (!string.Equals(original, rewrite, StringComparison.Ordinal))
        {
            differences.Add(new ConfigDifference(field, original, rewrite));
        }
    }
}