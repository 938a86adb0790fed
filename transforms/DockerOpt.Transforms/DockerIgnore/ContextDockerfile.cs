using DockerOpt.Core.Model;

namespace DockerOpt.Transforms.DockerIgnore;

/// <summary>
/// Another Dockerfile found in the build context, with what decides whether the context's <c>.dockerignore</c> applies
/// to it: its path from the context root, its model, its sources (relative to the context root), and whether it has
/// its own <c>&lt;name&gt;.dockerignore</c> (then the shared file does not apply to it).
/// </summary>
public sealed record ContextDockerfile(string Path, DockerfileModel Model, IReadOnlyList<ContextSource> Sources, bool HasOwnIgnoreFile);