namespace DockerOpt.Core.Shell.Commands;

/// <summary>
/// A file a dependency install reads. <see cref="Pattern"/> is a file name at the context root or a glob with
/// <c>*</c> (<c>requirements*.txt</c>, <c>*.csproj</c>).
/// </summary>
public sealed record ManifestFile(string Pattern, ManifestRole Role)
{
    public bool IsGlob => Pattern.Contains('*', StringComparison.Ordinal);

    /// <summary>True when a file name (no folder) matches the pattern.</summary>
    public bool Matches(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        if (!IsGlob)
        {
            return string.Equals(Pattern, fileName, StringComparison.Ordinal);
        }

        var star = Pattern.IndexOf('*', StringComparison.Ordinal);
        var prefix = Pattern[..star];
        var suffix = Pattern[(star + 1)..];
        return fileName.Length >= prefix.Length + suffix.Length
            && fileName.StartsWith(prefix, StringComparison.Ordinal)
            && fileName.EndsWith(suffix, StringComparison.Ordinal);
    }
}