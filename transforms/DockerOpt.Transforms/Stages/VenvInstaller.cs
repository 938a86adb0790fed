using System.Collections.Immutable;

namespace DockerOpt.Transforms.Stages;

/// <summary>
/// A distribution that <c>python -m venv</c> seeds into a new virtualenv (ensurepip) to install with, rather than
/// one the app asked for: its files in site-packages and in the virtualenv's bin/ (shell globs), and, when code can
/// depend on it without declaring it, the extended regular expression that shows such a use in a Python file or
/// script. A null <see cref="UsePattern"/> means only a declared requirement keeps it.
/// </summary>
public sealed record VenvInstaller(string Distribution, ImmutableArray<string> SitePackagesFiles, ImmutableArray<string> BinFiles, string? UsePattern);