using DockerOpt.Core.BuildContext;

namespace DockerOpt.Cli.Input;

/// <summary>
/// Turns the PATH arguments of a command into Dockerfiles. A file is taken as given; a directory is searched
/// recursively for files whose name says Dockerfile or Containerfile (<c>Dockerfile</c>, <c>Dockerfile.prod</c>,
/// <c>api.Dockerfile</c>, <c>Containerfile</c>), skipping .dockerignore files and VCS/dependency folders.
/// </summary>
public static class DockerfileDiscovery
{
    private static readonly string[] SkippedDirectories = [".git", "node_modules", "bin", "obj", ".venv", "vendor"];

    /// <summary>The Dockerfiles named by <paramref name="paths"/>, each resolved to a full path, in a stable order.</summary>
    /// <exception cref="CommandLine.UserInputException">A path does not exist, or a directory holds no Dockerfile.</exception>
    public static IReadOnlyList<string> Find(IEnumerable<string> paths, Func<string, string> resolve)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(resolve);
        var found = new List<string>();
        foreach (var path in paths)
        {
            var full = resolve(path);
            if (File.Exists(full))
            {
                found.Add(full);
            }
            else if (Directory.Exists(full))
            {
                var inDirectory = Enumerate(full).Order(StringComparer.Ordinal).ToList();
                if (inDirectory.Count == 0)
                {
                    throw new CommandLine.UserInputException($"{path}: no Dockerfile in this directory (looked for Dockerfile, Dockerfile.*, *.Dockerfile, Containerfile)");
                }

                found.AddRange(inDirectory);
            }
            else
            {
                throw new CommandLine.UserInputException($"{path}: no such file or directory");
            }
        }

        return found;
    }

    /// <summary>Whether a file name looks like a Dockerfile (<see cref="DockerfileNames"/>).</summary>
    public static bool IsDockerfileName(string fileName) => DockerfileNames.IsDockerfile(fileName);

    private static IEnumerable<string> Enumerate(string directory)
    {
        foreach (var file in Directory.EnumerateFiles(directory))
        {
            if (IsDockerfileName(Path.GetFileName(file)))
            {
                yield return file;
            }
        }

        foreach (var child in Directory.EnumerateDirectories(directory))
        {
            if (SkippedDirectories.Contains(Path.GetFileName(child), StringComparer.Ordinal))
            {
                continue;
            }

            foreach (var file in Enumerate(child))
            {
                yield return file;
            }
        }
    }
}