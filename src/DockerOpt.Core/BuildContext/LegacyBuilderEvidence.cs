using DockerOpt.Syntax;

namespace DockerOpt.Core.BuildContext;

/// <summary>
/// Evidence that the repository builds the Dockerfile with Docker's legacy builder, which rejects BuildKit-only
/// syntax (<c>RUN --mount</c>: "the --mount option requires BuildKit"). The one source read today is a Cloud Build
/// configuration beside the Dockerfile or at the context root: its <c>gcr.io/cloud-builders/docker</c> step runs a
/// plain <c>docker build</c> on the legacy builder unless the step sets <c>DOCKER_BUILDKIT=1</c> or builds with buildx
/// (GoogleCloudPlatform/scion#1484, google-github-actions/setup-gcloud#658). A file that already uses BuildKit-only
/// syntax is built with BuildKit, whatever the configuration says.
/// </summary>
public static class LegacyBuilderEvidence
{
    private static readonly string[] CloudBuildNames = ["cloudbuild.yaml", "cloudbuild.yml", "cloudbuild.json"];

    /// <summary>Why the Dockerfile is probably built without BuildKit, or null when nothing says so.</summary>
    public static string? Find(IBuildContext context, string? dockerfilePath, DockerfileSyntax syntax)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(syntax);
        if (!context.IsKnown || UsesBuildKit(syntax))
        {
            return null;
        }

        var folder = dockerfilePath is null || dockerfilePath.StartsWith("../", StringComparison.Ordinal)
            ? string.Empty
            : dockerfilePath.Contains('/', StringComparison.Ordinal) ? dockerfilePath[..dockerfilePath.LastIndexOf('/')] : string.Empty;
        var configs = new[] { folder, string.Empty }
            .Distinct(StringComparer.Ordinal)
            .SelectMany(dir => CloudBuildNames.Select(name => dir.Length == 0 ? name : $"{dir}/{name}"))
            .Where(context.FileExists)
            .ToList();
        if (configs.Count == 0 || configs.Any(path => EnablesBuildKit(context.ReadText(path))))
        {
            return null;
        }

        return $"{configs[0]} builds with Cloud Build, whose gcr.io/cloud-builders/docker step runs the legacy builder unless it sets DOCKER_BUILDKIT=1 or uses buildx, and the legacy builder rejects RUN --mount; enable BuildKit there and rerun";
    }

    private static bool EnablesBuildKit(string? config) =>
        config is not null
        && (config.Contains("DOCKER_BUILDKIT=1", StringComparison.Ordinal)
            || config.Contains("DOCKER_BUILDKIT: 1", StringComparison.Ordinal)
            || config.Contains("DOCKER_BUILDKIT: \"1\"", StringComparison.Ordinal)
            || config.Contains("buildx", StringComparison.Ordinal));

    // A syntax directive (BuildKit's frontend), a RUN flag only BuildKit knows, or a heredoc.
    private static bool UsesBuildKit(DockerfileSyntax syntax) =>
        syntax.Directives.Any(d => d.Name.Equals("syntax", StringComparison.OrdinalIgnoreCase))
        || syntax.Instructions.Any(i => !i.Heredocs.IsEmpty
            || (i.Kind == InstructionKind.Run && i.Flags.Any(f => f.Name is "mount" or "network" or "security"))
            || (i.Kind is InstructionKind.Copy or InstructionKind.Add && i.Flags.Any(f => f.Name is "link" or "chmod" or "parents" or "exclude")));
}