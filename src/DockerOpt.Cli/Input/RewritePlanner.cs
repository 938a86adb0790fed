using DockerOpt.Cli.CommandLine;
using DockerOpt.Cli.Configuration;
using DockerOpt.Core.BuildContext;
using DockerOpt.Core.Rewriting;
using DockerOpt.Syntax;

namespace DockerOpt.Cli.Input;

/// <summary>
/// The read-everything-first half of rewrite and lint: finds the Dockerfiles, reads and parses ALL of them, finds
/// each one's configuration and build context, and runs the passes in memory, before a single byte is written.
/// A path that names nothing or a bad option stops here; a file that cannot be read or parsed is set aside in
/// <see cref="RewritePlan.Unreadable"/> so the command decides (report and go on, or refuse to write).
/// </summary>
public static class RewritePlanner
{
    /// <param name="console">Where paths are resolved and which passes run.</param>
    /// <param name="paths">PATH arguments (files or directories).</param>
    /// <param name="selection">The command line's pass choices.</param>
    /// <param name="configPath">--config, or null to look for .dockeropt.yaml upward from each Dockerfile.</param>
    /// <param name="contextDirectory">--context, or null for each Dockerfile's own directory.</param>
    /// <param name="includeGeneratedFiles">False with --no-dockerignore.</param>
    public static RewritePlan Prepare(
        CliConsole console,
        IEnumerable<string> paths,
        PassSelection selection,
        string? configPath,
        string? contextDirectory,
        bool includeGeneratedFiles)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(selection);
        var configs = new ConfigDiscovery(console, configPath);
        string? explicitContext = null;
        if (contextDirectory is not null)
        {
            explicitContext = console.Resolve(contextDirectory);
            if (!Directory.Exists(explicitContext))
            {
                throw new UserInputException($"{contextDirectory}: the build context directory does not exist");
            }
        }

        var files = DockerfileDiscovery.Find(paths, console);
        // Dockerfiles that share a context folder share one view of it (it remembers what it read; nothing is
        // written until every file is planned).
        var contexts = new Dictionary<string, FileSystemBuildContext>(StringComparer.Ordinal);
        var checkouts = new Dictionary<string, FileSystemBuildContext>(StringComparer.Ordinal);
        var prepared = new List<PreparedRewrite>(files.Count);
        var unreadable = new List<UserInputException>();
        foreach (var path in files)
        {
            LoadedDockerfile file;
            try
            {
                file = LoadedDockerfile.Load(path, DisplayPath.For(path, console.WorkingDirectory));
            }
            catch (UserInputException error)
            {
                unreadable.Add(error);
                continue;
            }

            var config = configs.For(file.FullPath);
            var contextRoot = explicitContext ?? Path.GetDirectoryName(file.FullPath)!;
            var rewriter = new Rewriter(console.CreatePasses(ConfiguredPassSettings.For(config)));
            var context = ContextFor(contexts, contextRoot);
            var checkout = CheckoutOf(file);
            var options = selection.For(config, file.FullPath, RepositoryPath(file, checkout)) with
            {
                Repository = checkout is null ? null : ContextFor(checkouts, checkout),
            };
            // The tree read above: parsing the file again cost a large file a tenth of its rewrite.
            var result = rewriter.Rewrite(file.Syntax, context, options, PathInContext(file.FullPath, contextRoot));
            if (context.NotRegularFiles.Count > 0)
            {
                // The passes saw these as absent; a rewrite built on that (a new .dockerignore over a FIFO) is refused.
                unreadable.Add(new UserInputException(string.Join('\n', context.NotRegularFiles
                    .OrderBy(static entry => entry.Key, StringComparer.Ordinal)
                    .Select(entry => $"{DisplayPath.For(entry.Key, console.WorkingDirectory)}: not a regular file ({RegularFile.Describe(entry.Value)})"))));
                continue;
            }

            var proposed = includeGeneratedFiles
                ? result.Files.Where(f => !string.Equals(f.Content, f.OriginalContent, StringComparison.Ordinal)).ToList()
                : [];
            prepared.Add(new PreparedRewrite(file, config, contextRoot, result, proposed) { Options = options });
        }

        return new RewritePlan(prepared, unreadable);
    }

    /// <summary>The Dockerfile's path relative to the context root, '/'-separated (<c>../</c> when it lies outside).</summary>
    public static string PathInContext(string dockerfile, string contextRoot) =>
        Path.GetRelativePath(contextRoot, dockerfile).Replace(Path.DirectorySeparatorChar, '/');

    // The folder holding .git above the Dockerfile, or null when it sits in no checkout.
    private static string? CheckoutOf(LoadedDockerfile file)
    {
        for (var directory = new DirectoryInfo(Path.GetDirectoryName(file.FullPath)!); directory is not null; directory = directory.Parent)
        {
            if (Directory.Exists(Path.Combine(directory.FullName, ".git")) || File.Exists(Path.Combine(directory.FullName, ".git")))
            {
                return directory.FullName;
            }
        }

        return null;
    }

    // The path inside the repository (below the folder holding .git) is what role names are read from: 'tests/' above
    // the checkout says nothing about the file. Without a repository, the path as shown, without leading '../'.
    private static string RepositoryPath(LoadedDockerfile file, string? checkout)
    {
        if (checkout is not null)
        {
            return Path.GetRelativePath(checkout, file.FullPath).Replace('\\', '/');
        }

        var shown = file.DisplayPath.Replace('\\', '/');
        while (shown.StartsWith("../", StringComparison.Ordinal))
        {
            shown = shown[3..];
        }

        return Path.IsPathRooted(shown) ? Path.GetFileName(shown) : shown;
    }

    private static FileSystemBuildContext ContextFor(Dictionary<string, FileSystemBuildContext> contexts, string root)
    {
        if (!contexts.TryGetValue(root, out var context))
        {
            context = new FileSystemBuildContext(root);
            contexts.Add(root, context);
        }

        return context;
    }
}