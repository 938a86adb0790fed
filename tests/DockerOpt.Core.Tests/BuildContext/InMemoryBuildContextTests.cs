using DockerOpt.Core.BuildContext;

namespace DockerOpt.Core.Tests.BuildContext;

public sealed class InMemoryBuildContextTests
{
    [Fact]
    public void Dot_files_keep_their_leading_dot_and_dot_slash_prefixes_are_ignored()
    {
        var context = new InMemoryBuildContext(new Dictionary<string, string>
        {
            [".npmrc"] = "registry=x",
            ["./src/app.js"] = "1",
            [".yarn/releases/yarn.cjs"] = "2",
        });

        Assert.True(context.FileExists(".npmrc"));
        Assert.False(context.FileExists("npmrc"));
        Assert.True(context.FileExists("src/app.js"));
        Assert.True(context.FileExists("./src/app.js"));
        Assert.True(context.DirectoryExists(".yarn"));
        Assert.Equal([".npmrc", ".yarn", "src"], context.ListDirectory("."));
        Assert.Equal("registry=x", context.ReadText("./.npmrc"));
    }
}