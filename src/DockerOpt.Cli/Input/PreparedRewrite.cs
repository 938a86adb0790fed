using DockerOpt.Cli.Configuration;
using DockerOpt.Core.Passes;
using DockerOpt.Core.Rewriting;

namespace DockerOpt.Cli.Input;

/// <summary>One Dockerfile read, configured and rewritten in memory; nothing written yet.</summary>
/// <param name="File">The file as read (its exact bytes guard the later write).</param>
/// <param name="Config">The configuration that applies to it.</param>
/// <param name="ContextRoot">The build context directory the passes looked at.</param>
/// <param name="Result">What the passes propose.</param>
/// <param name="ProposedFiles">The files beside it that would change (empty with --no-dockerignore).</param>
public sealed record PreparedRewrite(
    LoadedDockerfile File,
    DockeroptConfig Config,
    string ContextRoot,
    RewriteResult Result,
    IReadOnlyList<GeneratedFile> ProposedFiles)
{
    /// <summary>The options it was rewritten with (role override, repository path), for a later rewrite of the same file.</summary>
    public RewriteOptions Options { get; init; } = RewriteOptions.Default;

    public bool DockerfileChanges => !string.Equals(Result.RewrittenText, File.Text, StringComparison.Ordinal);

    public bool Pending => DockerfileChanges || ProposedFiles.Count > 0;
}