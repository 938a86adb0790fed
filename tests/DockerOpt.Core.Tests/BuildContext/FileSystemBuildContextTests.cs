using DockerOpt.Core.BuildContext;

namespace DockerOpt.Core.Tests.BuildContext;

public sealed class FileSystemBuildContextTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("dockeropt-context-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void A_pass_sees_the_files_of_the_context_folder_and_nothing_outside_it()
    {
        File.WriteAllText(Path.Combine(_root, "package.json"), "{}");
        Directory.CreateDirectory(Path.Combine(_root, "src"));
        var context = new FileSystemBuildContext(_root);

        Assert.True(context.FileExists("package.json"));
        Assert.True(context.DirectoryExists("src"));
        Assert.False(context.FileExists("../package.json"));
        Assert.Equal("{}", context.ReadText("package.json"));
        Assert.Equal(["package.json", "src"], context.ListDirectory(string.Empty));
    }

    [Fact]
    public void A_path_no_file_can_have_is_missing_not_a_crash()
    {
        // Paths come from Dockerfile text: `COPY "a\0b" .` in any Dockerfile of the context (dockeropt reads the
        // siblings too) once stopped lint and rewrite with an internal error.
        File.WriteAllText(Path.Combine(_root, "a"), "x");
        var context = new FileSystemBuildContext(_root);

        Assert.False(context.FileExists("a\0b"));
        Assert.False(context.DirectoryExists("a\0"));
        Assert.Null(context.ReadText("a\0"));
        Assert.Empty(context.ListDirectory("\0"));
        Assert.True(context.FileExists("a"));
    }

    [Fact]
    public void A_question_asked_twice_in_one_run_gets_the_same_answer()
    {
        File.WriteAllText(Path.Combine(_root, "requirements.txt"), "flask\n");
        var context = new FileSystemBuildContext(_root);
        var listedBefore = context.ListDirectory(string.Empty);
        var textBefore = context.ReadText("requirements.txt");
        var goModBefore = context.FileExists("go.mod");

        // A change on disk during the run (an editor saving) does not make two passes disagree; the next run sees it.
        File.WriteAllText(Path.Combine(_root, "requirements.txt"), "django\n");
        File.WriteAllText(Path.Combine(_root, "go.mod"), "module x\n");

        Assert.Equal(listedBefore, context.ListDirectory(string.Empty));
        Assert.Equal(textBefore, context.ReadText("requirements.txt"));
        Assert.Equal(goModBefore, context.FileExists("go.mod"));
        Assert.True(new FileSystemBuildContext(_root).FileExists("go.mod"));
        Assert.Equal("django\n", new FileSystemBuildContext(_root).ReadText("requirements.txt"));
    }
}