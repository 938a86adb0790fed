using System.Collections.Immutable;

namespace DockerOpt.Core.BuildContext;

/// <summary>
/// The files of a build context, found by walking its folders depth first, lazily, so that a reader that stops early
/// (a limit reached, the first match found) lists no more folders than it needed.
/// </summary>
public static class ContextFiles
{
    /// <summary>
    /// Each file below the context root as (folder, name, path), folders named in <paramref name="skippedFolders"/>
    /// not entered at any depth. Paths are relative, with forward slashes; "" is the root folder.
    /// </summary>
    public static IEnumerable<(string Folder, string Name, string Path)> Walk(IBuildContext context, ImmutableHashSet<string> skippedFolders)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(skippedFolders);
        var pending = new Stack<string>();
        pending.Push(string.Empty);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            foreach (var name in context.ListDirectory(folder))
            {
                var path = folder.Length == 0 ? name : folder + "/" + name;
                if (context.DirectoryExists(path))
                {
                    if (!skippedFolders.Contains(name))
                    {
                        pending.Push(path);
                    }

                    continue;
                }

                yield return (folder, name, path);
            }
        }
    }
}