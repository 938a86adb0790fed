namespace DockerOpt.Cli.Input;

/// <summary>How a file is named in messages: relative to where the user stands, unless that climbs far up.</summary>
public static class DisplayPath
{
    public static string For(string fullPath, string workingDirectory)
    {
        var relative = Path.GetRelativePath(workingDirectory, fullPath);
        return relative.StartsWith("../..", StringComparison.Ordinal) ? fullPath : relative;
    }
}