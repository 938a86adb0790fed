namespace DockerOpt.Fuzz.Running;

/// <summary>Where the repository is (the folder holding Rewriter.sln above this tool), and the defaults under it.</summary>
internal static class RepositoryPaths
{
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Rewriter.sln")))
                {
                    return dir.FullName;
                }
            }

            return Environment.CurrentDirectory;
        }
    }

    /// <summary>fuzz-failures/ at the root: git-ignored.</summary>
    public static string DefaultOutDirectory => Path.Combine(Root, "fuzz-failures");

    /// <summary>../shared/corpus beside the repository.</summary>
    public static string DefaultCorpusDirectory => Path.GetFullPath(Path.Combine(Root, "..", "shared", "corpus"));
}