using DockerOpt.TestKit;

namespace DockerOpt.Engine.Tests.Examples;

/// <summary>A build context made of what git tracks under examples/NAME, so local build outputs (node_modules, dist) never leak in.</summary>
internal static class ExampleContext
{
    public static async Task CopyTrackedFilesAsync(string example, string destination)
    {
        var listed = await DockerCli.RunAsync("git", ["ls-files", "-z", $"examples/{example}"], DockerCli.ShortTimeout, Repo.Root);
        Assert.True(listed.ExitCode == 0, $"git ls-files failed: {listed.StandardError}");
        var prefix = $"examples/{example}/";
        var files = listed.StandardOutput.Split('\0', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var target = Path.Combine(destination, file[prefix.Length..]);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(Repo.Root, file), target);
        }
    }
}