using System.Collections.Immutable;

namespace DockerOpt.Transforms.Stages;

/// <summary>
/// The installers ensurepip seeds into a virtualenv: pip (every Python 3 venv, ~13-15 MB) and setuptools (venvs of
/// Python 3.11 and older, ~9 MB with pkg_resources). The runtime image has a pip of its own, and pip has no
/// supported Python API (its documentation says not to import it), so only a declared requirement keeps the
/// virtualenv's pip. setuptools is different: pkg_resources is imported by code that does not declare setuptools
/// (namespace packages' <c>__import__('pkg_resources')</c>, old console scripts), so any mention keeps it.
/// </summary>
public static class VenvInstallers
{
    public static ImmutableArray<VenvInstaller> All { get; } =
    [
        new("pip", ["pip", "pip-*.dist-info"], ["pip", "pip3", "pip3.*"], null),
        new("setuptools", ["setuptools", "setuptools-*.dist-info", "pkg_resources", "_distutils_hack", "distutils-precedence.pth"], [], "pkg_resources|setuptools"),
    ];

    /// <summary>
    /// Files whose mention of an installer is no use of it at run time: setup.py runs only to build and install.
    /// </summary>
    public static ImmutableArray<string> BuildOnlyFileNames { get; } = ["setup.py"];

    /// <summary>
    /// The text of setuptools' console-script wrapper since setuptools 47 (written by a legacy <c>setup.py install</c>):
    /// it loads the entry point with importlib.metadata and names pkg_resources only as the fallback for Python 3.7 and
    /// older, so on Python 3.8 and later such a wrapper is no use of setuptools. Older wrappers import pkg_resources
    /// outright and lack this line.
    /// </summary>
    public const string ImportlibEntryScriptLine = "from importlib.metadata import distribution";
}