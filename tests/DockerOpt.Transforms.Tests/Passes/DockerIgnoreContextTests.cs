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

namespace DockerOpt.Transforms.Tests.Passes;

/// <summary>
/// The .dockerignore is one file for a whole context: these stories check that dockeropt reasons about every
/// Dockerfile that reads it, about git use, about the ignore file BuildKit really uses, and that it stays quiet
/// when a file would not be worth it.
/// </summary>
public sealed class DockerIgnoreContextTests
{
    private const string NodeApp = "FROM node:20-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD [\"node\", \"index.js\"]\n";

    [Fact]
    public void A_context_holding_only_the_Dockerfile_and_an_entrypoint_script_gets_no_dockerignore()
    {
        var context = Context("Dockerfile", "docker-entrypoint.sh");

        var result = Rewrite("FROM debian:12-slim\nCOPY docker-entrypoint.sh /usr/local/bin/\nENTRYPOINT [\"docker-entrypoint.sh\"]\n", context);

        Assert.Empty(result.Files);
        // The COPY names the script alone: no entry would keep out anything BuildKit sends.
        Assert.Contains(Messages(result), m => m.Contains("no .dockerignore change proposed", StringComparison.Ordinal) && m.Contains("docker-entrypoint.sh", StringComparison.Ordinal));
    }

    [Fact]
    public void A_context_with_a_dotenv_file_gets_one_that_keeps_the_secret_out()
    {
        var context = Context("Dockerfile", "docker-entrypoint.sh", ".env");

        var result = Rewrite("FROM debian:12-slim\nCOPY . /opt/app\n", context);

        var file = Assert.Single(result.Files);
        Assert.Equal(".dockerignore", file.RelativePath);
        Assert.Contains("\n.env\n", file.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void A_node_app_that_copies_its_whole_folder_gets_one_for_the_node_modules_every_working_tree_has()
    {
        var context = Context("Dockerfile", "package.json", "package-lock.json", "index.js");

        var result = Rewrite(NodeApp, context);

        Assert.Contains("**/node_modules", Assert.Single(result.Files).Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Git_stays_when_another_Dockerfile_of_the_context_reads_the_repository_in_a_heredoc()
    {
        var context = Context(
            ("Dockerfile", NodeApp), ("package.json", "{}"), (".git/HEAD", "ref: refs/heads/main"),
            ("hack/version.Dockerfile", "FROM alpine/git\nRUN --mount=type=bind,target=. <<EOT\n  set -e\n  echo \"$(git describe --tags)\" > /version\nEOT\n"));

        var result = Rewrite(NodeApp, context);

        Assert.DoesNotContain("\n.git\n", Assert.Single(result.Files).Content, StringComparison.Ordinal);
        Assert.Contains(Messages(result), m => m.Contains("hack/version.Dockerfile, which builds with this context, needs it: the RUN on line 2 runs 'git describe'", StringComparison.Ordinal));
    }

    [Fact]
    public void Git_stays_when_a_script_the_Dockerfile_copies_and_runs_reads_the_repository()
    {
        var context = Context(
            ("Dockerfile", "x"), ("package.json", "{}"), (".git/HEAD", "ref: refs/heads/main"),
            ("scripts/version.sh", "#!/bin/sh\nif true; then\n  echo \"$(git rev-parse --short HEAD)\"\nfi\n"));

        var result = Rewrite("FROM node:20-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci && ./scripts/version.sh > version.txt\n", context);

        Assert.DoesNotContain("\n.git\n", Assert.Single(result.Files).Content, StringComparison.Ordinal);
        Assert.Contains(Messages(result), m => m.Contains("the RUN on line 4 in scripts/version.sh, which it runs, runs 'git rev-parse'", StringComparison.Ordinal));
    }

    [Fact]
    public void Cloning_a_remote_repository_and_reading_the_clone_does_not_keep_git()
    {
        var context = Context(("Dockerfile", "x"), ("package.json", "{}"), (".git/HEAD", "ref: refs/heads/main"));
        const string Text = "FROM node:20-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci\n"
            + "RUN git clone --branch v1 https://github.com/example/tool /src/tool && cd /src/tool && HOST_COMMIT=$(git rev-list -1 HEAD) && git -C /src/tool describe\n"
            + "RUN git clone https://github.com/example/other.git && git -C other log -1 && git config --global user.name me\n";

        var result = Rewrite(Text, context);

        Assert.Contains("\n.git\n", Assert.Single(result.Files).Content, StringComparison.Ordinal);
        Assert.DoesNotContain(Messages(result), m => m.Contains("leaves '.git' in the context", StringComparison.Ordinal));
    }

    [Fact]
    public void A_Dockerfile_that_never_brings_the_context_repository_into_the_build_does_not_keep_git()
    {
        var context = Context(("Dockerfile", "x"), (".env", "SECRET=1"), (".git/HEAD", "ref: refs/heads/main"), ("app.py", "print()"));

        var result = Rewrite("FROM python:3.12-slim\nCOPY app.py /app/\nRUN git status || true\n", context);

        // BuildKit sends app.py alone, so neither .git nor .env ever reaches the build: no file, and no reason to keep .git.
        Assert.Empty(result.Files);
        Assert.DoesNotContain(Messages(result), m => m.Contains("leaves '.git' in the context", StringComparison.Ordinal));
    }

    [Fact]
    public void The_Dockerfiles_own_ignore_file_is_the_one_edited_and_the_shared_one_is_left_alone()
    {
        var context = Context(
            ("docker/Dockerfile.dev", "x"), ("docker/Dockerfile.dev.dockerignore", "# mine\n*.md\n"), (".dockerignore", "dist\n"),
            (".env", "SECRET=1"), ("package.json", "{}"));

        var result = Rewrite(NodeApp, context, "docker/Dockerfile.dev");

        var file = Assert.Single(result.Files);
        Assert.Equal("docker/Dockerfile.dev.dockerignore", file.RelativePath);
        Assert.StartsWith("# mine\n*.md\n", file.Content, StringComparison.Ordinal);
        Assert.Contains(Messages(result), m => m.Contains("BuildKit uses the Dockerfile's own ignore file", StringComparison.Ordinal));
    }

    [Fact]
    public void A_COPY_source_of_another_Dockerfile_sharing_the_context_is_never_hidden()
    {
        var context = Context(
            ("Dockerfile", "x"), ("package.json", "{}"), (".env", "SECRET=1"), ("dist/app.js", "x"), ("api/index.js", "x"),
            ("deploy/nginx.Dockerfile", "FROM nginx:1-alpine\nCOPY dist/ /usr/share/nginx/html/\nCOPY .env /etc/app.env\n"));

        var result = Rewrite("FROM node:20-slim\nCOPY . .\nRUN npm ci && npm run build\n", context);

        var content = Assert.Single(result.Files).Content;
        Assert.DoesNotContain("\ndist\n", content, StringComparison.Ordinal);
        Assert.DoesNotContain("\n.env\n", content, StringComparison.Ordinal);
        Assert.Contains(Messages(result), m => m.Contains("deploy/nginx.Dockerfile, which builds with this context too, reads 'dist'", StringComparison.Ordinal));
    }

    [Fact]
    public void Another_Dockerfile_with_its_own_ignore_file_does_not_restrict_the_shared_one()
    {
        var context = Context(
            ("Dockerfile", "x"), ("package.json", "{}"), (".env", "SECRET=1"), ("dist/app.js", "x"),
            ("deploy/nginx.Dockerfile", "FROM nginx:1-alpine\nCOPY dist/ /usr/share/nginx/html/\n"), ("deploy/nginx.Dockerfile.dockerignore", "*.md\n"));

        var result = Rewrite("FROM node:20-slim\nCOPY . .\nRUN npm ci && npm run build\n", context);

        Assert.Contains("\ndist\n", Assert.Single(result.Files).Content, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Dockerfile_outside_its_context_gets_no_proposal_because_its_own_ignore_file_cannot_be_seen()
    {
        var result = Rewrite(NodeApp, Context(("package.json", "{}"), (".env", "SECRET=1")), "../docker/Dockerfile");

        Assert.Empty(result.Files);
        Assert.Contains(Messages(result), m => m.Contains("outside the build context", StringComparison.Ordinal));
    }

    /// <summary>
    /// The promise on real repositories: for every shared-corpus Dockerfile rewritten in its real context, the proposed
    /// ignore file hides no COPY/ADD/bind source of ANY Dockerfile of the corpus that builds with that context and reads
    /// that file, keeps .git when any of them reads the repository, and is never the shared .dockerignore while the
    /// Dockerfile's own ignore file exists.
    /// </summary>
    [CorpusFact]
    public void No_proposal_on_the_real_contexts_hides_what_a_Dockerfile_sharing_the_context_needs()
    {
        var contexts = Path.Combine(Repo.SharedDirectory, "contexts");
        Assert.True(Directory.Exists(contexts), $"{contexts} is missing");
        var rows = File.ReadLines(Path.Combine(contexts, "INDEX.tsv")).Skip(1).Select(l => l.Split('\t')).Select(c => (Dockerfile: c[2], Context: c[3])).ToList();
        var problems = new StringBuilder();
        var proposals = 0;
        foreach (var group in rows.GroupBy(r => r.Context, StringComparer.Ordinal))
        {
            var root = Path.Combine(contexts, group.Key);
            var context = new FileSystemBuildContext(root);
            foreach (var (dockerfile, _) in group)
            {
                var inContext = Path.GetRelativePath(root, Path.Combine(contexts, dockerfile)).Replace('\\', '/');
                var result = Rewrite(File.ReadAllText(Path.Combine(contexts, dockerfile)), context, inContext);
                if (result.Files.IsEmpty)
                {
                    continue;
                }

                proposals++;
                var file = result.Files[0];
                var ownIgnore = inContext + ".dockerignore";
                if (file.RelativePath == ".dockerignore" && context.FileExists(ownIgnore))
                {
                    problems.AppendLine($"{dockerfile}: edits the shared .dockerignore although {ownIgnore} is in force");
                }

                var before = DockerIgnoreFile.Parse(file.OriginalContent ?? string.Empty).Matcher!;
                var after = DockerIgnoreFile.Parse(file.Content).Matcher!;
                var readers = file.RelativePath == ".dockerignore"
                    ? group.Select(r => r.Dockerfile).Where(d => !File.Exists(Path.Combine(contexts, d + ".dockerignore")))
                    : [dockerfile];
                foreach (var reader in readers)
                {
                    var model = DockerfileModel.Build(DockerfileParser.Parse(File.ReadAllText(Path.Combine(contexts, reader)), reader));
                    var sources = ContextSources.Of(model);
                    foreach (var source in sources.Where(s => s.Path is not null && s.Path != "."))
                    {
                        if (after.IsExcluded(source.Path!) && !before.IsExcluded(source.Path!))
                        {
                            problems.AppendLine($"{dockerfile}: hides '{source.Written}' that {reader}:{source.Instruction.StartLine} copies");
                        }
                    }

                    if (after.IsExcluded(".git") && !before.IsExcluded(".git") && GitUse.Reason(model, sources, context, static i => i.StartLine) is { } why)
                    {
                        problems.AppendLine($"{dockerfile}: hides .git although {reader} needs it ({why})");
                    }
                }
            }
        }

        Assert.True(problems.Length == 0, $"{proposals} proposals; problems:\n{problems}");
        Assert.True(proposals > 0, "no proposal at all on the real contexts");
    }

    private static InMemoryBuildContext Context(params string[] files) =>
        new(files.ToDictionary(f => f, _ => string.Empty, StringComparer.Ordinal));

    private static InMemoryBuildContext Context(params (string Path, string Text)[] files) =>
        new(files.ToDictionary(f => f.Path, f => f.Text, StringComparer.Ordinal));

    private static IEnumerable<string> Messages(RewriteResult result) => result.Findings.Select(f => f.Message);

    private static RewriteResult Rewrite(string text, IBuildContext context, string? dockerfile = null) =>
        new Rewriter([new DockerIgnorePass()]).Rewrite(text, "Dockerfile", context, new RewriteOptions(RewriteLevel.Safe, ImmutableHashSet.Create(DockerIgnorePass.PassId), []), dockerfile);
}