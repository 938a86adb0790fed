namespace DockerOpt.Core.BuildContext;

/// <summary>
/// Which file names are Dockerfiles: a name that says Dockerfile or Containerfile (<c>Dockerfile</c>,
/// <c>Dockerfile.prod</c>, <c>api.Dockerfile</c>, <c>Containerfile</c>, any case), except ignore files
/// (<c>Dockerfile.dockerignore</c>) and documentation, data or script files named after one.
/// </summary>
public static class DockerfileNames
{
    // Files that mention Dockerfile in their name but are documentation, data or ignore files
    // (e.g. a licence text named after the dockerfile-utils project).
    private static readonly string[] NotDockerfileExtensions = [".dockerignore", ".md", ".txt", ".tsv", ".json", ".yml", ".yaml", ".sh"];

    /// <summary>Whether a file name looks like a Dockerfile.</summary>
    public static bool IsDockerfile(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        return (fileName.Contains("dockerfile", StringComparison.OrdinalIgnoreCase)
                || fileName.Contains("containerfile", StringComparison.OrdinalIgnoreCase))
            && !NotDockerfileExtensions.Any(extension => fileName.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            && !fileName.Contains(".received.", StringComparison.OrdinalIgnoreCase);
    }
}