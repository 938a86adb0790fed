using System.Collections.Immutable;

using DockerOpt.Syntax;

namespace DockerOpt.Transforms.Stages;

/// <summary>
/// The shell commands that take the installers (<see cref="VenvInstallers"/>) out of the split's virtualenv once
/// every pip install has run, each unless the evidence says something needs it: an installed distribution declares
/// it (a wheel's METADATA <c>Requires-Dist</c> outside an extra, or a legacy install's egg-info requires.txt, where
/// extras count too: keeping an installer is the safe mistake), or, for an installer code can use undeclared, a
/// Python file or script in site-packages, the virtualenv's bin/ or the copied source mentions it. Plain awk, grep, find and
/// file removals, valid for busybox too: no pip process starts, so this adds milliseconds to a rebuild (pip show and
/// pip uninstall took about a second).
/// </summary>
public static class VenvTrim
{
    public const string Venv = "/opt/venv";

    // The one site-packages folder of the virtualenv (python3.11, python3.12, ...), named by a glob wherever it is used:
    // a shell variable would need an assignment, a chain element of its own (tally proposes a heredoc from three), or a
    // for loop, which other passes cannot read into (they would report pip inside it); a cd into it draws hadolint's DL3003.
    private const string SitePackages = Venv + "/lib/python3*/site-packages";

    /// <summary>
    /// The script, a RUN's whole text: one check-and-remove per installer, joined with &amp;&amp; (a lone one without
    /// braces), each check on a line of its own in the file's <paramref name="style"/>. No pipes (hadolint's DL4006
    /// asks for pipefail, which would fail a check whose grep -q closes its input early) and no xargs (shellcheck's SC2038).
    /// <paramref name="sourceRoots"/>: where the stage copies the app's own files (absolute paths), searched for
    /// undeclared uses; null when that is unknown (a copy into the image's working directory or /), and then an
    /// installer code can use undeclared stays. <paramref name="importlibEntryScripts"/>: the interpreter has
    /// importlib.metadata (3.8 and later), so setuptools' own console-script wrappers do not fall back to pkg_resources.
    /// </summary>
    public static string Script(DockerfileStyle style, IReadOnlyCollection<string>? sourceRoots, bool importlibEntryScripts)
    {
        ArgumentNullException.ThrowIfNull(style);
        var installers = Removable(sourceRoots);
        var commands = new List<string>();
        foreach (var installer in installers)
        {
            var checks = new List<string>(Declared(installer.Distribution));
            if (installer.UsePattern is { } pattern)
            {
                checks.Add(Used(pattern, sourceRoots!, importlibEntryScripts));
            }

            var files = installer.SitePackagesFiles.Select(f => $"{SitePackages}/{f}").Concat(installer.BinFiles.Select(f => $"{Venv}/bin/{f}"));
            checks.Add($"rm -rf {string.Join(' ', files)}");
            var chain = string.Join(style.LineContinuation + "|| ", checks);
            commands.Add(installers.Length == 1 ? chain : $"{{ {chain}; }}");
        }

        return string.Join(style.LineContinuation + "&& ", commands);
    }

    /// <summary>The installers the script may remove: all, or without known source roots only those code cannot use undeclared.</summary>
    public static ImmutableArray<VenvInstaller> Removable(IReadOnlyCollection<string>? sourceRoots) =>
        [.. VenvInstallers.All.Where(i => i.UsePattern is null || sourceRoots is not null)];

    // Exit 0 when an installed distribution requires the package (names compare case-insensitively; a longer name such
    // as setuptools-scm is another package): a wheel's Requires-Dist outside an extra, or a legacy requires.txt.
    private static string[] Declared(string package) =>
    [
        $"awk 'tolower($0) ~ /^requires-dist: *{package}([^-_.a-z0-9]|$)/ && tolower($0) !~ /extra *==/ {{ found = 1 }} END {{ exit !found }}' {SitePackages}/*.dist-info/METADATA 2>/dev/null",
        $"grep -qsiE '^{package}([^-_.a-z0-9]|$)' {SitePackages}/*.egg-info/requires.txt",
    ];

    // Exit 0 when a Python file (or .pth) in site-packages or the source, or a script in bin/, mentions the pattern,
    // the installers' own files, build-only scripts and (with importlib.metadata) setuptools' own console-script
    // wrappers in bin/ aside.
    private static string Used(string pattern, IReadOnlyCollection<string> sourceRoots, bool importlibEntryScripts)
    {
        var own = VenvInstallers.All.SelectMany(i => i.SitePackagesFiles.Select(f => $"-path '{SitePackages}/{f}'").Concat(i.BinFiles.Select(f => $"-path '{Venv}/bin/{f}'")))
            .Concat(VenvInstallers.BuildOnlyFileNames.Select(n => $"-name '{n}'"));
        var roots = string.Join(' ', sourceRoots.Prepend(SitePackages).Append($"{Venv}/bin"));
        var wrappers = importlibEntryScripts
            ? $" -o -path '{Venv}/bin/*' -type f -exec grep -qsF '{VenvInstallers.ImportlibEntryScriptLine}' {{}} \\; -prune"
            : string.Empty;
        return $"[ -n \"$(find {roots} \\( {string.Join(" -o ", own)} \\) -prune{wrappers} -o -type f \\( -name '*.py' -o -name '*.pth' -o -path '{Venv}/bin/*' \\) -exec grep -lsE '{pattern}' {{}} +)\" ]";
    }
}