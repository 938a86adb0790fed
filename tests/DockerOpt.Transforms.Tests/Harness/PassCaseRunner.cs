using System.Collections.Immutable;
using System.Globalization;
using System.Text;

using DockerOpt.Core.BuildContext;
using DockerOpt.Core.Model.Roles;
using DockerOpt.Core.Passes;
using DockerOpt.Core.Rewriting;
using DockerOpt.TestKit;

namespace DockerOpt.Transforms.Tests.Harness;

/// <summary>
/// Runs ONE pass on a snapshot case and checks what a reviewer reviewed:
/// <list type="bullet">
/// <item><c>output.verified.Dockerfile</c> — the rewritten file, byte for byte;</item>
/// <item><c>findings.verified.txt</c> — every finding (applied, declined, advice) with its line;</item>
/// <item><c>NAME.verified.txt</c> for each generated file (e.g. <c>.dockerignore</c>);</item>
/// <item>idempotence — running the pass on its own output changes nothing;</item>
/// <item>no-op cases (folder name starting with <c>noop</c>) — the output IS the input.</item>
/// </list>
/// A case's optional <c>context/</c> folder is the build context; <c>options.txt</c> may say <c>level=aggressive</c>,
/// <c>dockerfile=PATH</c> (where the input sits in the context; by default <c>Dockerfile</c> at its root) and
/// <c>role=app</c> (the user says the image is an app), <c>include-generated</c> (a generated file is rewritten anyway),
/// <c>repository-path=PATH</c> (the corpus file's path in its repository, evidence of its role), <c>target=STAGE</c>
/// (the stage <c>docker build --target</c> builds), <c>also-enabled=ID,...</c> (passes the user leaves on besides this one,
/// for a pass whose text depends on them; only this pass runs).
/// </summary>
public static class PassCaseRunner
{
    public static void Verify(IRewritePass pass, string caseName)
    {
        ArgumentNullException.ThrowIfNull(pass);
        var folder = $"{PassCases.Folder(pass.Info.Id)}/{caseName}";
        var input = Snapshot.ReadInput(folder, "input.Dockerfile");
        var context = LoadContext(folder);
        var options = LoadOptions(folder, pass.Info.Id);

        var rewriter = new Rewriter([pass]);
        var dockerfile = DockerfilePath(folder);
        var result = rewriter.Rewrite(input, "Dockerfile", context, options, dockerfile);
        Assert.False(result.InputHasErrors, $"the input of {folder} does not parse: {string.Join("; ", result.InputDiagnostics)}");

        Snapshot.VerifyExact(result.RewrittenText, folder, "output");
        Snapshot.VerifyText(RenderFindings(result), folder, "findings");
        foreach (var file in result.Files)
        {
            Snapshot.VerifyText(file.Content, folder, file.RelativePath.TrimStart('.').Replace('/', '_'));
        }

        if (caseName.StartsWith("noop", StringComparison.Ordinal))
        {
            Assert.Equal(input, result.RewrittenText);
        }

        var again = rewriter.Rewrite(result.RewrittenText, "Dockerfile", context, options, dockerfile);
        Assert.True(
            string.Equals(result.RewrittenText, again.RewrittenText, StringComparison.Ordinal),
            $"{pass.Info.Id} is not idempotent on {caseName}: a second run changed\n{Snapshot.Visible(result.RewrittenText)}\ninto\n{Snapshot.Visible(again.RewrittenText)}");
    }

    /// <summary>The findings as a reviewer reads them: one line each, in file order, with the hadolint rule of each.</summary>
    public static string RenderFindings(RewriteResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var builder = new StringBuilder();
        foreach (var finding in result.Findings)
        {
            var rule = finding.HadolintId is { } id ? $" ({id})" : string.Empty;
            builder.Append(CultureInfo.InvariantCulture, $"{finding.Line}:{finding.Column} {finding.Kind.ToString().ToLowerInvariant()} {finding.PassId}{rule}: {finding.Message}");
            builder.Append(finding.ChangesBehaviour ? " [changes behaviour]\n" : "\n");
        }

        return builder.Length == 0 ? "(no findings)\n" : builder.ToString();
    }

    private static IBuildContext LoadContext(string folder)
    {
        var contextDirectory = Path.Combine(Repo.SnapshotsDirectory, folder, "context");
        if (!Directory.Exists(contextDirectory))
        {
            return EmptyBuildContext.Instance;
        }

        var files = Directory.EnumerateFiles(contextDirectory, "*", SearchOption.AllDirectories)
            .ToDictionary(
                path => Path.GetRelativePath(contextDirectory, path).Replace('\\', '/'),
                File.ReadAllText,
                StringComparer.Ordinal);
        return new InMemoryBuildContext(files);
    }

    /// <summary>The <c>dockerfile=PATH</c> of a case's options.txt, or null (the Dockerfile at the context root).</summary>
    public static string? DockerfilePath(string folder)
    {
        var path = Path.Combine(Repo.SnapshotsDirectory, folder, "options.txt");
        return File.Exists(path)
            ? File.ReadAllLines(path).Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("dockerfile=", StringComparison.Ordinal))?["dockerfile=".Length..]
            : null;
    }

    private static RewriteOptions LoadOptions(string folder, string passId)
    {
        var path = Path.Combine(Repo.SnapshotsDirectory, folder, "options.txt");
        var level = File.Exists(path) && File.ReadAllText(path).Contains("level=aggressive", StringComparison.Ordinal)
            ? RewriteLevel.Aggressive
            : RewriteLevel.Safe;
        // role=app: a case about what a pass does to an app, written without a CMD of its own (a base image by detection).
        var role = File.Exists(path) && File.ReadAllText(path).Contains("role=app", StringComparison.Ordinal)
            ? new RoleOverride(ImageRole.LeafApp, "options.txt (role=app)")
            : null;
        var includeGenerated = File.Exists(path) && File.ReadAllText(path).Contains("include-generated", StringComparison.Ordinal);
        // also-enabled=ID,...: the user leaves those passes on too (only this pass runs; it may write what they would).
        var enabled = (Setting(path, "also-enabled") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new RewriteOptions(level, ImmutableHashSet.Create(StringComparer.Ordinal, [passId, .. enabled]), [])
        {
            Role = role,
            IncludeGenerated = includeGenerated,
            RepositoryPath = Setting(path, "repository-path"),
            Target = Setting(path, "target"),
        };
    }

    // repository-path=host/4/bullseye/... (the corpus file's path, evidence of its role), target=NAME (docker build --target).
    private static string? Setting(string path, string key)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var line = File.ReadAllLines(path).FirstOrDefault(l => l.StartsWith(key + "=", StringComparison.Ordinal));
        return line?[(key.Length + 1)..].Trim();
    }
}