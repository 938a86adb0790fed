namespace DockerOpt.Core.Shell.Commands;

/// <summary>Which repository a git command works on.</summary>
public enum GitRepositoryUse
{
    /// <summary>None: <c>git --version</c>, <c>git config --global</c>, <c>git ls-remote URL</c>, <c>git apply</c>.</summary>
    None,

    /// <summary>Makes a new one: <c>git clone URL [DIR]</c>, <c>git init [DIR]</c>; later commands there read that one.</summary>
    Creates,

    /// <summary>The repository of its working directory (or of <c>-C DIR</c>): <c>git describe</c>, <c>git status</c>, <c>git rev-parse</c>.</summary>
    Reads,
}