using System.Collections.Immutable;

using DockerOpt.Core.BuildContext;
using DockerOpt.Core.Shell.Commands;
using DockerOpt.Transforms.DockerIgnore;
using DockerOpt.Transforms.Ecosystems;

namespace DockerOpt.Transforms.Manifests;

/// <summary>
/// The context files a dependency install needs before the source is copied, or why it needs more than files that
/// can be named (the install reads the source, runs project scripts, or names files through variables).
/// </summary>
public sealed record ManifestChoice(ImmutableArray<string> Files, string? DeclineReason)
{
    public bool IsDeclined => DeclineReason is not null;

    private static ManifestChoice Decline(string reason) => new([], reason);

    /// <summary>What <paramref name="install"/> reads, from the files that exist in <paramref name="context"/>.</summary>
    public static ManifestChoice For(EcosystemCommand install, IBuildContext context)
    {
        ArgumentNullException.ThrowIfNull(install);
        ArgumentNullException.ThrowIfNull(context);
        if (install.SourceReason is { } sourceReason)
        {
            return Decline(sourceReason);
        }

        var ignore = DockerIgnoreFile.Parse(context.ReadText(".dockerignore") ?? string.Empty).Matcher;
        bool Ignored(string file) => ignore?.IsExcluded(file) == true;

        var choice = install.Pattern.ManifestFlagList.IsEmpty ? AllManifests(install, context) : NamedManifests(install, context);
        if (choice.IsDeclined)
        {
            return choice;
        }

        var ignored = choice.Files.FirstOrDefault(Ignored);
        return ignored is null ? choice : Decline($"{ignored} is excluded by .dockerignore, so it cannot be copied on its own");
    }

    // pip install -r requirements.txt: exactly the files it names, and the ones those include (-r/-c lines).
    private static ManifestChoice NamedManifests(EcosystemCommand install, IBuildContext context)
    {
        var files = new List<string>();
        var pending = new Queue<string?>(install.ManifestArguments);
        while (pending.Count > 0)
        {
            var next = pending.Dequeue();
            if (next is null)
            {
                return Decline($"'{install.Invocation}' names a requirement file through a variable");
            }

            var file = next.StartsWith("./", StringComparison.Ordinal) ? next[2..] : next;
            if (file.StartsWith('/') || file.Contains("..", StringComparison.Ordinal) || file.Contains('$', StringComparison.Ordinal))
            {
                return Decline($"'{install.Invocation}' reads {next}, which is not a plain path in the build context");
            }

            if (files.Contains(file))
            {
                continue;
            }

            if (context.ReadText(file) is not { } text)
            {
                return Decline($"{file} is not in the build context");
            }

            files.Add(file);
            foreach (var included in IncludedRequirementFiles(text, file))
            {
                pending.Enqueue(included);
            }
        }

        return new ManifestChoice([.. files], null);
    }

    // npm ci, go mod download, poetry install --no-root: every manifest of the ecosystem that exists.
    private static ManifestChoice AllManifests(EcosystemCommand install, IBuildContext context)
    {
        var ecosystem = install.Ecosystem;
        var files = EcosystemDetector.ManifestsIn(ecosystem, context);
        if (files.Count == 0)
        {
            return Decline($"none of the {ecosystem.Name} manifests ({string.Join(", ", ecosystem.Manifests.Where(m => m.Role == ManifestRole.Manifest).Select(m => m.Pattern))}) is in the build context");
        }

        if (files.Contains("package.json"))
        {
            var package = PackageJson.Parse(context.ReadText("package.json"));
            if (package is null)
            {
                return Decline("package.json is not valid JSON");
            }

            if (package.HasWorkspaces || files.Contains("pnpm-workspace.yaml"))
            {
                return Decline("package.json declares workspaces, whose own package.json files the install also needs");
            }

            if (package.InstallScript is { } script)
            {
                return Decline($"the install runs the package's '{script}' script ({package.Scripts[script]}), which may read the source");
            }

            if (context.DirectoryExists(".yarn"))
            {
                return Decline("the install needs the .yarn folder (Yarn releases or plug-ins) besides the manifests");
            }
        }

        if (files.Contains("go.work"))
        {
            return Decline("go.work names other modules, whose go.mod files the download also needs");
        }

        if (context.ReadText("go.mod") is { } goMod && (goMod.Contains("=> ./", StringComparison.Ordinal) || goMod.Contains("=> ../", StringComparison.Ordinal)))
        {
            return Decline("go.mod replaces a module with a local folder, which the download also needs");
        }

        if (install.Pattern.PositionalsNameManifests && ManifestOutsideRoot(install, files) is { } named)
        {
            return Decline($"'{install.Invocation}' restores {named}, which is not a project or solution at the root of the build context (its folder, the root's settings and the projects it references would all be needed)");
        }

        // A project or solution that names other projects needs their files too, and they are not manifests at the root.
        foreach (var file in files)
        {
            var text = context.ReadText(file) ?? string.Empty;
            if (DotNetFacts.ProjectExtensions.Any(e => file.EndsWith(e, StringComparison.OrdinalIgnoreCase)) && text.Contains(DotNetFacts.ProjectReferenceMarker, StringComparison.Ordinal))
            {
                return Decline($"{file} references other projects (ProjectReference), whose project files the restore also needs");
            }

            if (DotNetFacts.SolutionExtensions.Any(e => file.EndsWith(e, StringComparison.OrdinalIgnoreCase)) && DotNetFacts.ListsProjectsInOtherFolders(text))
            {
                return Decline($"{file} lists projects in other folders, whose project files the restore also needs");
            }
        }

        return new ManifestChoice([.. files], null);
    }

    // The first manifest a restore names (dotnet restore src/Api/Api.csproj) that is not one of the root files copied.
    private static string? ManifestOutsideRoot(EcosystemCommand install, IReadOnlyList<string> rootFiles)
    {
        foreach (var word in install.PositionalArguments())
        {
            var value = word.Value ?? word.Text;
            var file = value.StartsWith("./", StringComparison.Ordinal) ? value[2..] : value;
            if (!rootFiles.Contains(file, StringComparer.Ordinal))
            {
                return value;
            }
        }

        return null;
    }

    private static IEnumerable<string?> IncludedRequirementFiles(string text, string from)
    {
        var folder = from.Contains('/', StringComparison.Ordinal) ? from[..(from.LastIndexOf('/') + 1)] : string.Empty;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            foreach (var flag in (ReadOnlySpan<string>)["-r ", "--requirement ", "-c ", "--constraint ", "--requirement=", "--constraint="])
            {
                if (line.StartsWith(flag, StringComparison.Ordinal))
                {
                    var value = line[flag.Length..].Trim();
                    yield return value.Contains('$', StringComparison.Ordinal) ? null : folder + value;
                    break;
                }
            }
        }
    }
}