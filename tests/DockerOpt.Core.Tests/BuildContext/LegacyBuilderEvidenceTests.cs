using DockerOpt.Core.BuildContext;
using DockerOpt.Syntax;

namespace DockerOpt.Core.Tests.BuildContext;

/// <summary>
/// A repository that builds its image on Cloud Build's docker step (the legacy builder) must not get BuildKit-only
/// syntax: `RUN --mount` fails there with "the --mount option requires BuildKit" (precision review, eighth session).
/// </summary>
public sealed class LegacyBuilderEvidenceTests
{
    private const string LegacyStep = "steps:\n- name: gcr.io/cloud-builders/docker\n  args: ['build', '-t', 'gcr.io/$PROJECT_ID/tool', '.']\n";

    [Fact]
    public void A_cloud_build_docker_step_beside_the_dockerfile_is_the_legacy_builder()
    {
        var context = Context(("tool/Dockerfile", "FROM debian\n"), ("tool/cloudbuild.yaml", LegacyStep));

        var why = LegacyBuilderEvidence.Find(context, "tool/Dockerfile", Parse("FROM debian\nRUN apt-get update\n"));

        Assert.NotNull(why);
        Assert.StartsWith("tool/cloudbuild.yaml builds with Cloud Build", why, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("steps:\n- name: gcr.io/cloud-builders/docker\n  env: ['DOCKER_BUILDKIT=1']\n  args: ['build', '.']\n")]
    [InlineData("steps:\n- name: gcr.io/cloud-builders/docker\n  args: ['buildx', 'build', '.']\n")]
    public void A_step_that_switches_buildkit_on_is_no_evidence(string config)
    {
        var context = Context(("Dockerfile", "FROM debian\n"), ("cloudbuild.yaml", config));

        Assert.Null(LegacyBuilderEvidence.Find(context, "Dockerfile", Parse("FROM debian\n")));
    }

    [Theory]
    [InlineData("# syntax=docker/dockerfile:1\nFROM debian\n")]
    [InlineData("FROM debian\nRUN --mount=type=cache,target=/root/.cache/pip pip install x\n")]
    [InlineData("FROM debian\nCOPY --link a /a\n")]
    [InlineData("FROM debian\nRUN <<EOF\necho hi\nEOF\n")]
    public void A_file_that_already_uses_buildkit_syntax_is_built_with_buildkit(string dockerfile)
    {
        var context = Context(("Dockerfile", dockerfile), ("cloudbuild.yaml", LegacyStep));

        Assert.Null(LegacyBuilderEvidence.Find(context, "Dockerfile", Parse(dockerfile)));
    }

    [Fact]
    public void Without_a_cloud_build_configuration_nothing_says_legacy()
    {
        var context = Context(("Dockerfile", "FROM debian\n"), ("README.md", "docker build ."));

        Assert.Null(LegacyBuilderEvidence.Find(context, "Dockerfile", Parse("FROM debian\n")));
    }

    private static DockerfileSyntax Parse(string text) => DockerfileParser.Parse(text, "Dockerfile");

    private static InMemoryBuildContext Context(params (string Path, string Text)[] files) =>
        new(files.Select(f => new KeyValuePair<string, string>(f.Path, f.Text)));
}