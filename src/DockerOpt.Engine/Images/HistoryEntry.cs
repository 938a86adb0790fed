namespace DockerOpt.Engine.Images;

/// <summary>One entry of the image config's history: the instruction that made a layer (or an empty one).</summary>
/// <param name="CreatedBy">The instruction as the builder recorded it, tidied for reading.</param>
/// <param name="EmptyLayer">The instruction changed only metadata (ENV, CMD, ...) and made no layer.</param>
public sealed record HistoryEntry(string CreatedBy, bool EmptyLayer)
{
    /// <summary>
    /// Tidies a <c>created_by</c> value: BuildKit appends <c># buildkit</c> and the classic builder prefixes
    /// metadata instructions with <c>/bin/sh -c #(nop)</c>; neither helps a reader.
    /// </summary>
    public static string Tidy(string createdBy)
    {
        ArgumentNullException.ThrowIfNull(createdBy);
        var text = createdBy.Trim();
        const string BuildKitSuffix = "# buildkit";
        if (text.EndsWith(BuildKitSuffix, StringComparison.Ordinal))
        {
            text = text[..^BuildKitSuffix.Length].TrimEnd();
        }

        const string NopPrefix = "/bin/sh -c #(nop)";
        if (text.StartsWith(NopPrefix, StringComparison.Ordinal))
        {
            text = text[NopPrefix.Length..].Trim();
        }

        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}