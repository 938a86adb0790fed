using DockerOpt.Cli.CommandLine;
using DockerOpt.Core.BuildContext;
using DockerOpt.Syntax;

namespace DockerOpt.Cli.Input;

/// <summary>
/// Turns the PATH arguments of a command into Dockerfiles. A file is taken as given; a directory is searched
/// recursively for files whose name says Dockerfile or Containerfile (<c>Dockerfile</c>, <c>Dockerfile.prod</c>,
/// <c>api.Dockerfile</c>, <c>Containerfile</c>), skipping .dockerignore files and VCS/dependency folders. The search
/// does not follow symbolic links to directories (as find and git do), so a link loop cannot make it run forever; a
/// subdirectory it may not read is skipped with a warning. A file named twice (<c>Dockerfile ./Dockerfile</c>, a link
/// and its target) is taken once, by its real path, so no run reads or writes one file twice.
/// </summary>
public static class DockerfileDiscovery
{
    private static readonly string[] SkippedDirectories = [".git", "node_modules", "bin", "obj", ".venv", "vendor"];

    /// <summary>
    /// The Dockerfiles named by <paramref name="paths"/>, each resolved to a full path, in a stable order, each file
    /// once. What is not a regular file (a FIFO) is returned too: reading it is what refuses it, with its name.
    /// </summary>
    /// <param name="paths">PATH arguments.</param>
    /// <param name="console">Resolves paths; warnings about skipped subdirectories go to its error stream.</param>
    /// <exception cref="UserInputException">A path does not exist, a directory holds no Dockerfile or cannot be read.</exception>
    public static IReadOnlyList<string> Find(IEnumerable<string> paths, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(console);
        var found = new List<string>();
        var realPaths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var full = console.Resolve(path);
            var kind = RegularFile.KindOf(full);
            if (kind == FileKind.Missing)
            {
                throw new UserInputException($"{path}: no such file or directory");
            }

            IEnumerable<string> named = [full];
            if (kind == FileKind.Directory)
            {
                var inDirectory = new List<string>();
                if (Search(full, console, inDirectory) is { } reason)
                {
                    throw new UserInputException($"{path}: cannot read this directory ({reason})");
                }

                if (inDirectory.Count == 0)
                {
                    throw new UserInputException($"{path}: no Dockerfile in this directory (looked for Dockerfile, Dockerfile.*, *.Dockerfile, Containerfile)");
                }

                named = inDirectory.Order(StringComparer.Ordinal);
            }

            found.AddRange(named.Where(file => realPaths.Add(RealPathOrSelf(file))));
        }

        return found;
    }

    /// <summary>Whether a file name looks like a Dockerfile (<see cref="DockerfileNames"/>).</summary>
    public static bool IsDockerfileName(string fileName) => DockerfileNames.IsDockerfile(fileName);

    /// <returns>Null, or why <paramref name="directory"/> itself cannot be listed.</returns>
    private static string? Search(string directory, CliConsole console, List<string> found)
    {
        string[] files;
        string[] children;
        try
        {
            files = Directory.GetFiles(directory);
            children = Directory.GetDirectories(directory);
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            return IoFailure.Reason(ex);
        }

        found.AddRange(files.Where(file => IsDockerfileName(Path.GetFileName(file))));
        foreach (var child in children)
        {
            if (SkippedDirectories.Contains(Path.GetFileName(child), StringComparer.Ordinal) || new DirectoryInfo(child).LinkTarget is not null)
            {
                continue;
            }

            if (Search(child, console, found) is { } reason)
            {
                // A folder of someone else's (a database volume owned by its container's user, say) must not stop a
                // lint of the whole tree, but the person should know it was not looked at.
                console.Error.WriteLine($"dockeropt: warning: {DisplayPath.For(child, console.WorkingDirectory)}: cannot search this directory ({reason}); skipped");
            }
        }

        return null;
    }

    private static string RealPathOrSelf(string path)
    {
        try
        {
            return RealPath.Of(path);
        }
        catch (IOException)
        {
            // A link loop: reading it fails later with its own message.
            return path;
        }
    }
}