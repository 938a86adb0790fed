namespace DockerOpt.Core.Passes;

/// <summary>A file a pass proposes beside the Dockerfile (e.g. .dockerignore), relative to the build context.</summary>
/// <param name="RelativePath">Path relative to the build context root.</param>
/// <param name="Content">The complete proposed content.</param>
/// <param name="OriginalContent">The current content, or null when the file does not exist yet.</param>
public sealed record GeneratedFile(string RelativePath, string Content, string? OriginalContent);