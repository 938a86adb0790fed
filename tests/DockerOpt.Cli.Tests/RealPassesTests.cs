using DockerOpt.Cli.Tests.Support;
using DockerOpt.TestKit;
using DockerOpt.Transforms;

namespace DockerOpt.Cli.Tests;

/// <summary>The CLI with the production passes, on the bundled examples (copied: the repository is never written).</summary>
public sealed class RealPassesTests : IDisposable
{
    private readonly CliSandbox sandbox = new() { CreatePasses = PassRegistry.Create };

    public void Dispose() => sandbox.Dispose();

    [Theory]
    [InlineData("node")]
    [InlineData("python")]
    [InlineData("go")]
    public void Rewrite_apply_then_check_is_clean_and_a_second_apply_changes_nothing_on_the_examples(string example)
    {
        CopyExample(example);

        var show = sandbox.Run("rewrite", "Dockerfile");
        var apply = sandbox.Run("rewrite", "--apply");
        var afterApply = sandbox.State();
        var check = sandbox.Run("rewrite", "--check");
        var second = sandbox.Run("rewrite", "--apply");

        Assert.True(show.ExitCode is 0 or 1, show.ToString());
        Assert.True(apply.ExitCode == 0, apply.ToString());
        Assert.True(check.ExitCode == 0, check.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal(afterApply, sandbox.State());
    }

    [Theory]
    [InlineData("node")]
    [InlineData("python")]
    [InlineData("go")]
    public void Lint_sarif_of_the_examples_validates(string example)
    {
        CopyExample(example);

        var result = sandbox.Run("lint", "--format", "sarif");

        Assert.True(result.ExitCode is 0 or 1, result.ToString());
        var evaluation = SarifSchema.Evaluate(result.Out);
        Assert.True(evaluation.IsValid, string.Join('\n', SarifSchema.Errors(evaluation)));
    }

    [Fact]
    public void Dockeropts_own_Dockerfile_and_dockerignore_are_ones_dockeropt_would_not_change()
    {
        // --check writes nothing, so the repository's own files are read in place. The .dockerignore counts too: the
        // pre-commit hook (rewrite --check) runs on this repository's Dockerfile with it.
        var result = sandbox.Run("rewrite", "--check", "--diff", Path.Combine(Repo.Root, "Dockerfile"));

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public void A_registry_mirror_in_the_config_lets_the_base_image_pass_recognise_mirrored_official_images()
    {
        const string Dockerfile = "FROM mirror.example.com/dockerhub/python:3.12\nCOPY app.py /app/\nCMD [\"python\", \"/app/app.py\"]\n";
        sandbox.Write("Dockerfile", Dockerfile).Write("app.py", "print('hi')\n");

        var without = sandbox.Run("rewrite", "--only", "base-image", "-o", "-");
        sandbox.Write(".dockeropt.yaml", "baseImages:\n  mirrorPrefixes: [mirror.example.com/dockerhub/]\n");
        var with = sandbox.Run("rewrite", "--only", "base-image", "-o", "-");

        Assert.Equal(Dockerfile, without.Out);
        Assert.StartsWith("FROM mirror.example.com/dockerhub/python:3.12-slim\n", with.Out, StringComparison.Ordinal);
    }

    private void CopyExample(string example)
    {
        var source = Path.Combine(Repo.ExamplesDirectory, example);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "node_modules" or "bin" or "obj"))
            {
                continue;
            }

            sandbox.WriteBytes(relative, File.ReadAllBytes(file));
        }
    }
}