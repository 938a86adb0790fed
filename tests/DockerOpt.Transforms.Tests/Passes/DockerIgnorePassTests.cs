using System.Collections.Immutable;
using System.Text;

using DockerOpt.Core.BuildContext;
using DockerOpt.Core.Model;
using DockerOpt.Core.Passes;
using DockerOpt.Core.Rewriting;
using DockerOpt.Syntax;
using DockerOpt.TestKit;
using DockerOpt.Transforms.DockerIgnore;
using DockerOpt.Transforms.Passes;
using DockerOpt.Transforms.Tests.Harness;

namespace DockerOpt.Transforms.Tests.Passes;

public sealed class DockerIgnorePassTests
{
    // Junk a real context holds next to the sources: every catalog group has something to exclude.
    private static readonly string[] Junk =
    [
        "package.json", "requirements.txt", "go.mod", ".git/HEAD", ".env", ".env.local", "server.pem", "id_rsa",
        "node_modules/left-pad/index.js", "dist/app.js", "build/app.js", "__pycache__/app.pyc", ".venv/pyvenv.cfg",
        "target/app.jar", ".idea/workspace.xml", "npm-debug.log", "Dockerfile", "docker-compose.yml", "coverage/lcov.info",
    ];

    public static TheoryData<string> Cases => PassCases.For(DockerIgnorePass.PassId);

    [Theory]
    [MemberData(nameof(Cases))]
    public void I_can_review_each_dockerignore_case(string caseName) => PassCaseRunner.Verify(new DockerIgnorePass(), caseName);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Running_again_with_the_proposed_dockerignore_in_place_adds_nothing(string caseName)
    {
        var folder = Path.Combine(Repo.SnapshotsDirectory, PassCases.Folder(DockerIgnorePass.PassId), caseName);
        var input = File.ReadAllText(Path.Combine(folder, "input.Dockerfile"));
        var contextFolder = Path.Combine(folder, "context");
        var files = Directory.Exists(contextFolder)
            ? Directory.EnumerateFiles(contextFolder, "*", SearchOption.AllDirectories)
                .ToDictionary(p => Path.GetRelativePath(contextFolder, p).Replace('\\', '/'), File.ReadAllText, StringComparer.Ordinal)
            : null;
        var dockerfile = PassCaseRunner.DockerfilePath($"{PassCases.Folder(DockerIgnorePass.PassId)}/{caseName}");
        var first = Rewrite(input, files is null ? EmptyBuildContext.Instance : new InMemoryBuildContext(files), dockerfile);
        if (files is null || first.Files.IsEmpty)
        {
            return;
        }

        files[first.Files[0].RelativePath] = first.Files[0].Content;
        var second = Rewrite(input, new InMemoryBuildContext(files), dockerfile);

        Assert.True(second.Files.IsEmpty, $"a second run proposed more:\n{(second.Files.IsEmpty ? string.Empty : second.Files[0].Content)}");
    }

    [Fact]
    public void A_merge_keeps_the_existing_file_byte_for_byte_and_its_line_endings()
    {
        var existing = "# mine\r\nnode_modules\r\n!keep.pem";
        var context = new InMemoryBuildContext(new Dictionary<string, string> { [".dockerignore"] = existing, ["package.json"] = "{}", [".env"] = "TOKEN=1" });

        var merged = Rewrite("FROM node:20-slim\nCOPY . .\nRUN npm ci\n", context).Files.Single().Content;

        Assert.StartsWith(existing + "\r\n\r\n# added by dockeropt\r\n", merged, StringComparison.Ordinal);
        Assert.DoesNotContain("*.pem", merged, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", merged.Replace("\r\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    /// <summary>
    /// The property that matters most: for every corpus Dockerfile, in a context holding its COPY/ADD sources plus
    /// common junk, the proposed .dockerignore excludes none of those sources (checked with Docker's rules), and a
    /// second run with it in place proposes nothing more.
    /// </summary>
    [CorpusFact]
    public void No_corpus_file_gets_a_dockerignore_that_excludes_what_it_copies()
    {
        var problems = new StringBuilder();
        var generated = 0;
        foreach (var relative in Repo.CorpusFiles())
        {
            var text = File.ReadAllText(Path.Combine(Repo.CorpusDirectory, relative));
            var syntax = DockerfileParser.Parse(text, relative);
            if (syntax.HasErrors)
            {
                continue;
            }

            var sources = ContextSources.Of(DockerfileModel.Build(syntax)).Where(s => s.Path is not null && s.Path != ".").ToList();
            var files = Junk.ToDictionary(j => j, _ => "x", StringComparer.Ordinal);
            foreach (var source in sources)
            {
                files[Concrete(source.Path!)] = "x";
            }

            var result = Rewrite(text, new InMemoryBuildContext(files));
            if (result.Files.IsEmpty)
            {
                continue;
            }

            generated++;
            var ignore = DockerIgnoreFile.Parse(result.Files[0].Content);
            Assert.NotNull(ignore.Matcher);
            foreach (var source in sources)
            {
                if (ignore.Matcher.IsExcluded(source.Path!) || ignore.Matcher.IsExcluded(Concrete(source.Path!)))
                {
                    problems.AppendLine($"{relative}:{source.Instruction.StartLine}: '{source.Written}' is excluded");
                }
            }

            files[".dockerignore"] = result.Files[0].Content;
            if (!Rewrite(text, new InMemoryBuildContext(files)).Files.IsEmpty)
            {
                problems.AppendLine($"{relative}: a second run proposed more patterns");
            }
        }

        Assert.True(problems.Length == 0, $"{generated} .dockerignore files generated; problems:\n{problems}");
        // Only sources that include junk get a file: COPY . and folders holding it, not explicit files.
        Assert.True(generated > 100, $"expected the corpus files that copy the whole context to get a .dockerignore, got {generated}");
    }

    [CorpusFact]
    public void Every_corpus_file_rewrites_without_error_parses_and_is_stable() => CorpusRewriteCheck.RunAggressive(new DockerIgnorePass());

    private static RewriteResult Rewrite(string text, IBuildContext context, string? dockerfile = null) =>
        new Rewriter([new DockerIgnorePass()]).Rewrite(text, "Dockerfile", context, new RewriteOptions(RewriteLevel.Safe, ImmutableHashSet.Create(DockerIgnorePass.PassId), []), dockerfile);

    // A file a wildcard source would pick up: every wildcard becomes a plain letter.
    private static string Concrete(string path)
    {
        var builder = new StringBuilder(path.Length);
        for (var i = 0; i < path.Length; i++)
        {
            switch (path[i])
            {
                case '*' or '?':
                    builder.Append('x');
                    break;
                case '[':
                    var close = path.IndexOf(']', i + 1);
                    builder.Append(close > i + 1 && path[i + 1] != '^' ? path[i + 1] : 'x');
                    i = close < 0 ? path.Length : close;
                    break;
                case '\\' when i + 1 < path.Length:
                    builder.Append(path[++i]);
                    break;
                default:
                    builder.Append(path[i]);
                    break;
            }
        }

        return builder.ToString();
    }
}