using System.Collections.Immutable;

using DockerOpt.Syntax;

namespace DockerOpt.Transforms.Stages;

/// <summary>
/// The shell commands that take the installers (<see cref="VenvInstallers"/>) out of the split's virtualenv once
/// every pip install has run, each unless the evidence says something needs it: an installed distribution declares
/// it (a wheel's METADATA <c>Requires-Dist</c> outside an extra, or a legacy install's egg-info requires.txt, where
/// extras count too: keeping an installer is the safe mistake), or, for an installer code can use undeclared, a
/// Python file or script in site-packages, the virtualenv's bin/ or the copied source mentions it. Plain grep and
/// file removals, valid for busybox too: no pip process starts, so this adds milliseconds to a rebuild (pip show and
/// pip uninstall took about a second).
/// </summary>
public static class VenvTrim
{
    public const string Venv = "/opt/venv";

    // The one site-packages folder of the virtualenv (python3.11, python3.12, ...), in a shell variable set by the first
    // command. No cd into it: a RUN that starts with cd draws hadolint's DL3003.
    private const string SitePackages = "$sp";

    /// <summary>
    /// The commands, to be joined with &amp;&amp;, each check of an installer on a line of its
    /// own in the file's <paramref name="style"/>. <paramref name="sourceRoots"/>: where
    /// the stage copies the app's own files (absolute paths), searched for undeclared uses; null when that is unknown
    /// (a copy into the image's working directory or /), and then an installer code can use undeclared stays.
    /// <paramref name="importlibEntryScripts"/>: the interpreter has importlib.metadata (3.8 and later), so
    /// setuptools' own console-script wrappers do not fall back to pkg_resources.
    /// </summary>
    public static ImmutableArray<string> Commands(DockerfileStyle style, IReadOnlyCollection<string>? sourceRoots, bool importlibEntryScripts)
    {
        ArgumentNullException.ThrowIfNull(style);
        var commands = ImmutableArray.CreateBuilder<string>();
        commands.Add($"sp=$(echo {Venv}/lib/python3*/site-packages)");
        foreach (var installer in Removable(sourceRoots))
        {
            var checks = new List<string>(Declared(installer.Distribution));
            if (installer.UsePattern is { } pattern)
            {
                checks.Add(Used(pattern, sourceRoots!, importlibEntryScripts));
            }

            var files = installer.SitePackagesFiles.Select(f => $"{SitePackages}/{f}").Concat(installer.BinFiles.Select(f => $"{Venv}/bin/{f}"));
            checks.Add($"rm -rf {string.Join(' ', files)}");
            commands.Add($"{{ {string.Join(style.LineContinuation + "|| ", checks)}; }}");
        }

        return commands.ToImmutable();
    }

    /// <summary>The installers the commands may remove: all, or without known source roots only those code cannot use undeclared.</summary>
    public static ImmutableArray<VenvInstaller> Removable(IReadOnlyCollection<string>? sourceRoots) =>
        [.. VenvInstallers.All.Where(i => i.UsePattern is null || sourceRoots is not null)];

    // Exit 0 when an installed distribution requires the package (names compare case-insensitively; a longer name such
    // as setuptools-scm is another package).
    private static string[] Declared(string package) =>
    [
        $"{{ grep -hsiE '^Requires-Dist: *{package}([^-_.a-z0-9]|$)' {SitePackages}/*.dist-info/METADATA | grep -qvi 'extra *=='; }}",
        $"grep -qsiE '^{package}([^-_.a-z0-9]|$)' {SitePackages}/*.egg-info/requires.txt",
    ];

    // Exit 0 when a Python file (or .pth) in site-packages or the source, or a script in bin/, mentions the pattern,
    // the installers' own files and build-only scripts aside.
    private static string Used(string pattern, IReadOnlyCollection<string> sourceRoots, bool importlibEntryScripts)
    {
        var own = VenvInstallers.All.SelectMany(i => i.SitePackagesFiles.Select(f => $"-path \"{SitePackages}/{f}\"").Concat(i.BinFiles.Select(f => $"-path '{Venv}/bin/{f}'")))
            .Concat(VenvInstallers.BuildOnlyFileNames.Select(n => $"-name '{n}'"));
        var roots = string.Join(' ', sourceRoots.Prepend(SitePackages).Append($"{Venv}/bin"));
        var search = $"find {roots} \\( {string.Join(" -o ", own)} \\) -prune -o -type f \\( -name '*.py' -o -name '*.pth' -o -path '{Venv}/bin/*' \\) -exec grep -lsE '{pattern}' {{}} +";
        return importlibEntryScripts
            ? $"{search} | xargs -r grep -L '{VenvInstallers.ImportlibEntryScriptLine}' | grep -q ."
            : $"{search} | grep -q .";
    }
}