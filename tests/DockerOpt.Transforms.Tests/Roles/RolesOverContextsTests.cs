using System.Globalization;
using System.Text;

using DockerOpt.Core.BuildContext;
using DockerOpt.Core.Model.Roles;
using DockerOpt.Core.Passes;
using DockerOpt.Syntax;
using DockerOpt.TestKit;

namespace DockerOpt.Transforms.Tests.Roles;

/// <summary>
/// Every shared-corpus Dockerfile rewritten inside its real repository tree, as a user would run it: generated files
/// and test fixtures stay exactly as they are, and the passes that change what an image does touch only leaf apps.
/// With DOCKEROPT_ROLE_REPORT=FILE it also writes each file's role, its reason and whether non-root-user changed it
/// (the figures of the precision work are counted from that file).
/// </summary>
public sealed class RolesOverContextsTests
{
    private static readonly string[] LeafOnlyPasses = ["non-root-user", "multi-stage", "base-image"];

    [CorpusFact]
    public void Generated_files_fixtures_and_non_leaf_images_keep_what_they_do()
    {
        var rewriter = PassRegistry.CreateRewriter();
        var contexts = new Dictionary<string, FileSystemBuildContext>(StringComparer.Ordinal);
        var checkouts = new Dictionary<string, FileSystemBuildContext>(StringComparer.Ordinal);
        var report = new StringBuilder();
        var problems = new List<string>();
        foreach (var (dockerfile, contextFolder, repositoryPath) in Repo.ContextFiles())
        {
            var text = DockerfileLoader.Decode(File.ReadAllBytes(Path.Combine(Repo.ContextsDirectory, dockerfile)), dockerfile).Syntax?.Source.Text;
            if (text is null)
            {
                continue;
            }

            if (!contexts.TryGetValue(contextFolder, out var context))
            {
                context = new FileSystemBuildContext(Path.Combine(Repo.ContextsDirectory, contextFolder));
                contexts.Add(contextFolder, context);
            }

            var inContext = Path.GetRelativePath(contextFolder, dockerfile).Replace('\\', '/');
            var repositoryFolder = dockerfile[..dockerfile.IndexOf('/', StringComparison.Ordinal)];
            if (!checkouts.TryGetValue(repositoryFolder, out var checkout))
            {
                checkout = new FileSystemBuildContext(Path.Combine(Repo.ContextsDirectory, repositoryFolder));
                checkouts.Add(repositoryFolder, checkout);
            }

            var options = RewriteOptions.Default with { RepositoryPath = repositoryPath, Repository = checkout };
            var result = rewriter.Rewrite(text, dockerfile, context, options, inContext);
            if (result.InputHasErrors)
            {
                continue;
            }

            var changedByLeafOnly = result.Passes.Where(p => p.Changed && LeafOnlyPasses.Contains(p.Info.Id)).Select(p => p.Info.Id).ToList();
            if (result.SkippedAsGenerated && result.HasChanges)
            {
                problems.Add($"{dockerfile}: generated, but changed");
            }

            if (result.Role is { Role: ImageRole.TestFixture } && result.HasChanges)
            {
                problems.Add($"{dockerfile}: a test fixture, but changed");
            }

            if (result.Role is { IsLeafApp: false } role && changedByLeafOnly.Count > 0)
            {
                problems.Add($"{dockerfile}: {string.Join(", ", changedByLeafOnly)} changed a {role.Describe()}");
            }

            var roleId = result.SkippedAsGenerated ? "generated" : result.Role is { } decided ? ImageRoles.Id(decided.Role) : "none";
            report.Append(CultureInfo.InvariantCulture, $"{dockerfile}\t{roleId}\t{result.TreatedAs}\t{string.Join(",", result.Passes.Where(p => p.Changed).Select(p => p.Info.Id))}\n");
        }

        if (Environment.GetEnvironmentVariable("DOCKEROPT_ROLE_REPORT") is { Length: > 0 } reportPath)
        {
            File.WriteAllText(reportPath, report.ToString());
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }
}