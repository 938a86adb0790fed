namespace DockerOpt.Core.Shell.Commands;

/// <summary>
/// <c>git [-C DIR] [-c KEY=VALUE] VERB ...</c>: what it does to which repository. A <see cref="GitRepositoryUse.Reads"/>
/// command reads the repository of <see cref="Directory"/> (<c>-C</c>), or of the working directory when there is none.
/// </summary>
/// <param name="Verb">The subcommand (<c>describe</c>, <c>clone</c>), or empty for a bare <c>git</c>/<c>git --version</c>.</param>
/// <param name="Use">Which repository it works on.</param>
/// <param name="Directory">The <c>-C DIR</c> value, or null.</param>
/// <param name="NewRepository">
/// For <c>clone</c>/<c>init</c>: the folder of the new repository as written (for <c>clone URL</c> without one, the
/// URL's last segment without <c>.git</c>, which is where git puts it; for <c>init</c> without one, <c>.</c>).
/// </param>
/// <param name="Command">The simple command.</param>
public sealed record GitCommand(string Verb, GitRepositoryUse Use, string? Directory, string? NewRepository, ShellSimpleCommand Command) : RecognizedCommand(Command);