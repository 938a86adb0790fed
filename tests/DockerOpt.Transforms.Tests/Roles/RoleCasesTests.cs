using System.Globalization;
using System.Text;

using DockerOpt.Core.BuildContext;
using DockerOpt.Core.Model.Roles;
using DockerOpt.Core.Passes;
using DockerOpt.Core.Rewriting;
using DockerOpt.TestKit;
using DockerOpt.Transforms.Tests.Harness;

namespace DockerOpt.Transforms.Tests.Roles;

/// <summary>
/// One snapshot case per kind of image (tests/snapshots/roles/CASE/): the whole rewrite of <c>input.Dockerfile</c> as
/// if it sat at <c>path.txt</c> in its repository (<c>repository/</c>, when the case needs files around it), with
/// <c>context/</c> as the build context and <c>options.txt</c>
/// (<c>role=app</c>, <c>include-generated</c>). A reviewer reads <c>findings.verified.txt</c>: what the file was
/// treated as, the evidence with its lines, and every finding; <c>output.verified.Dockerfile</c> is the result.
/// </summary>
public sealed class RoleCasesTests
{
    private const string Folder = "roles";

    public static TheoryData<string> Cases
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var name in Snapshot.Cases(Folder))
            {
                data.Add(name);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void I_can_see_what_each_kind_of_image_is_treated_as_and_what_changes(string caseName)
    {
        var folder = $"{Folder}/{caseName}";
        var directory = Path.Combine(Repo.SnapshotsDirectory, folder);
        var input = Snapshot.ReadInput(folder, "input.Dockerfile");
        var path = File.ReadAllText(Path.Combine(directory, "path.txt")).Trim();
        var optionsText = File.Exists(Path.Combine(directory, "options.txt")) ? File.ReadAllText(Path.Combine(directory, "options.txt")) : string.Empty;
        var options = RewriteOptions.Default with
        {
            RepositoryPath = path,
            Role = optionsText.Contains("role=app", StringComparison.Ordinal) ? new RoleOverride(ImageRole.LeafApp, ".dockeropt.yaml (role: app)") : null,
            IncludeGenerated = optionsText.Contains("include-generated", StringComparison.Ordinal),
            Repository = Directory.Exists(Path.Combine(directory, "repository")) ? LoadContext(directory, "repository") : null,
        };

        var result = PassRegistry.CreateRewriter().Rewrite(input, "Dockerfile", LoadContext(directory), options);

        Snapshot.VerifyExact(result.RewrittenText, folder, "output");
        Snapshot.VerifyText(Render(result), folder, "findings");
    }

    private static string Render(RewriteResult result)
    {
        var builder = new StringBuilder();
        builder.Append(CultureInfo.InvariantCulture, $"treated as: {result.TreatedAs ?? "(nothing)"}\n");
        foreach (var evidence in result.Role?.Evidence ?? [])
        {
            builder.Append(CultureInfo.InvariantCulture, $"  evidence for {ImageRoles.Describe(evidence.PointsTo)}: {evidence}\n");
        }

        builder.Append('\n').Append(PassCaseRunner.RenderFindings(result));
        return builder.ToString();
    }

    private static IBuildContext LoadContext(string directory, string folder = "context")
    {
        var context = Path.Combine(directory, folder);
        if (!Directory.Exists(context))
        {
            return EmptyBuildContext.Instance;
        }

        return new InMemoryBuildContext(Directory.EnumerateFiles(context, "*", SearchOption.AllDirectories)
            .ToDictionary(p => Path.GetRelativePath(context, p).Replace('\\', '/'), File.ReadAllText, StringComparer.Ordinal));
    }
}