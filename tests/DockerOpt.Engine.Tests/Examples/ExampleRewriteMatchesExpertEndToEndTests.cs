using System.Globalization;

using DockerOpt.Core.BuildContext;
using DockerOpt.Core.Passes;
using DockerOpt.TestKit;
using DockerOpt.Transforms;

using Xunit.Abstractions;

namespace DockerOpt.Engine.Tests.Examples;

/// <summary>
/// Issue 11's bar for the half-optimized examples, checked on a real engine: the rewrite of the Dockerfile a
/// developer wrote lands within 5 % of the hand-written Dockerfile.expert in size, and matches it in what a
/// reviewer checks by hand: the user it runs as, NODE_ENV, the program that is PID 1, and no app file the
/// runtime user could change. The figures go to the test output. Issue 13's examples (rust) are held to the same
/// 5 %, stricter than that issue's 10 %.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class ExampleRewriteMatchesExpertEndToEndTests(ITestOutputHelper output)
{
    private const double SizeTolerance = 0.05;

    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(10);

    [EngineTheory]
    [InlineData("go-multistage")]
    [InlineData("node-slim")]
    [InlineData("node-devdeps")]
    [InlineData("python")]
    [InlineData("rust")]
    public async Task The_rewrite_matches_the_expert_in_size_user_node_env_pid_1_and_file_ownership(string example)
    {
        var context = Directory.CreateTempSubdirectory($"dockeropt-expert-{example}-").FullName;
        var scratch = Directory.CreateTempSubdirectory("dockeropt-traits-").FullName;
        var rewriteTag = $"dockeropt-e2e-{example}:rewrite-{Guid.NewGuid():N}";
        var expertTag = $"dockeropt-e2e-{example}:expert-{Guid.NewGuid():N}";
        try
        {
            await ExampleContext.CopyTrackedFilesAsync(example, context);
            var smoke = ExampleSmokeCheck.Read(Path.Combine(context, "smoke.json"));
            var original = await File.ReadAllTextAsync(Path.Combine(context, "Dockerfile"));
            var result = PassRegistry.CreateRewriter().Rewrite(original, "Dockerfile", new FileSystemBuildContext(context), RewriteOptions.Default);
            var rewritePath = Path.Combine(context, "Dockerfile.rewrite");
            await File.WriteAllTextAsync(rewritePath, result.RewrittenText);
            foreach (var file in result.Files)
            {
                // BuildKit reads Dockerfile.rewrite.dockerignore for Dockerfile.rewrite only: the expert builds with the context as it is.
                var target = file.RelativePath == ".dockerignore" ? rewritePath + ".dockerignore" : Path.Combine(context, file.RelativePath);
                await File.WriteAllTextAsync(target, file.Content);
            }

            await BuildAsync(rewritePath, context, rewriteTag);
            await BuildAsync(Path.Combine(context, "Dockerfile.expert"), context, expertTag);
            var rewrite = await ImageTraits.ReadAsync(rewriteTag, smoke, scratch);
            var expert = await ImageTraits.ReadAsync(expertTag, smoke, scratch);

            output.WriteLine($"--- examples/{example}: Dockerfile.rewrite ---\n{result.RewrittenText}");
            output.WriteLine(Describe("rewrite", rewrite));
            output.WriteLine(Describe("expert ", expert));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"size: rewrite is {100.0 * (rewrite.Size - expert.Size) / expert.Size:+0.00;-0.00} % against the expert"));

            Assert.True(
                rewrite.Size <= expert.Size * (1 + SizeTolerance),
                string.Create(CultureInfo.InvariantCulture, $"the rewrite of examples/{example} is {rewrite.Size:N0} bytes, more than 5 % above the expert's {expert.Size:N0}"));
            Assert.Equal(expert.User, rewrite.User);
            Assert.Equal(expert.NodeEnv, rewrite.NodeEnv);
            Assert.Equal(expert.Pid1, rewrite.Pid1);
            Assert.True(rewrite.WritableByUser.IsEmpty, $"the rewrite's runtime user '{rewrite.User}' can change: {string.Join(", ", rewrite.WritableByUser.Take(10))}");
        }
        finally
        {
            await DockerCli.RemoveQuietlyAsync("image", "rm", "-f", rewriteTag, expertTag);
            foreach (var directory in new[] { context, scratch })
            {
                try
                {
                    Directory.Delete(directory, recursive: true);
                }
                catch (IOException)
                {
                    // A leftover temp folder must not hide the test's own result.
                }
            }
        }
    }

    private static async Task BuildAsync(string dockerfile, string context, string tag)
    {
        var built = await DockerCli.RunAsync("docker", ["build", "--progress=plain", "-f", dockerfile, "-t", tag, context], BuildTimeout);
        Assert.True(built.ExitCode == 0, $"docker build -f {Path.GetFileName(dockerfile)} failed:\n{built.StandardError[Math.Max(0, built.StandardError.Length - 3000)..]}");
    }

    private static string Describe(string variant, ImageTraits traits) => string.Create(
        CultureInfo.InvariantCulture,
        $"{variant}: {traits.Size / 1_000_000.0:0.0} MB, user '{traits.User}', NODE_ENV {traits.NodeEnv ?? "(unset)"}, PID 1 {traits.Pid1}, writable by the user: {(traits.WritableByUser.IsEmpty ? "nothing" : string.Join(", ", traits.WritableByUser.Take(5)))}");
}