using DockerOpt.Engine.Images;
using DockerOpt.Engine.Verification;

namespace DockerOpt.Engine.Tests.Verification;

public sealed class WarmEditPickerTests
{
    [Fact]
    public void The_entry_point_source_file_is_edited_never_a_manifest_or_a_dependency()
    {
        using var context = new TempDirectory();
        context.Write("go.mod", "module x\n");
        context.Write("go.sum", "");
        context.Write("Dockerfile", "FROM golang\n");
        context.Write("internal/util/strings.go", "package util\n");
        context.Write("vendor/github.com/x/y/main.go", "package y\n");
        context.Write("cmd/server/main.go", "package main\n");
        context.Write("helpers.go", "package main\n");

        Assert.Equal("cmd/server/main.go", WarmEditPicker.Pick(context.Path));
    }

    [Fact]
    public void A_context_with_only_manifests_has_nothing_to_edit()
    {
        using var context = new TempDirectory();
        context.Write("package.json", "{}");
        context.Write("package-lock.json", "{}");
        context.Write("node_modules/x/index.js", "");

        Assert.Null(WarmEditPicker.Pick(context.Path));
    }

    [Theory]
    [InlineData("app.py", "print(1)\n", "print(1)\n# dockeropt warm-rebuild probe T\n")]
    [InlineData("main.go", "package main", "package main\n// dockeropt warm-rebuild probe T\n")]
    [InlineData("index.html", "<p>\r\n", "<p>\r\n<!-- dockeropt warm-rebuild probe T -->\r\n")]
    public void The_edit_is_one_comment_line_in_the_files_own_syntax_and_line_ending(string path, string content, string expected)
    {
        Assert.Equal(expected, WarmEditPicker.AppendComment(path, content, "T"));
    }

    [Fact]
    public void Only_the_settings_that_changed_are_reported()
    {
        var original = ImageConfig.Empty with { Cmd = ["node", "app.js"], ExposedPorts = ["3000/tcp"] };
        var rewrite = original with { User = "node" };

        var difference = Assert.Single(ConfigComparer.Compare(original, rewrite));

        Assert.Equal(new ConfigDifference("USER", "(root)", "node"), difference);
    }
}