using DockerOpt.Core.BuildContext;
using DockerOpt.Core.Model;
using DockerOpt.Core.Model.Roles;
using DockerOpt.Syntax;

namespace DockerOpt.Core.Tests.Roles;

public sealed class ImageRoleClassifierTests
{
    [Fact]
    public void An_image_that_runs_its_own_server_is_a_leaf_app()
    {
        var decision = Classify("FROM node:20-slim\nWORKDIR /app\nCOPY . .\nCMD [\"node\", \"server.js\"]\n", "services/api/Dockerfile");

        Assert.Equal(ImageRole.LeafApp, decision.Role);
        Assert.Equal("leaf app (CMD runs node server.js (line 4))", decision.Describe());
    }

    [Fact]
    public void A_command_inherited_from_an_earlier_stage_still_makes_it_an_app()
    {
        var decision = Classify("FROM python:3.12 AS base\nCMD [\"python\", \"-m\", \"app\"]\nFROM base\nRUN pip install x\n", "Dockerfile");

        Assert.Equal(ImageRole.LeafApp, decision.Role);
        Assert.Equal(2, decision.Evidence[0].Line);
    }

    [Fact]
    public void A_final_stage_without_a_command_is_a_base_image_unless_its_base_serves_what_it_copies()
    {
        Assert.Equal(ImageRole.BaseImage, Classify("FROM python:3.12\nRUN pip install numpy\n", "Dockerfile").Role);
        Assert.Equal(ImageRole.LeafApp, Classify("FROM nginx:1.27\nCOPY site /usr/share/nginx/html\n", "Dockerfile").Role);
        Assert.Equal(ImageRole.BuildImage, Classify("FROM golang:1.22\nRUN go install example.com/tool@latest\n", "Dockerfile").Role);
    }

    [Fact]
    public void Official_images_are_base_images_by_their_folder_layout_and_their_prompt_command()
    {
        var layout = Classify("FROM debian:bookworm\nCMD [\"redis-server\"]\n", "7.4/bookworm/Dockerfile");
        var prompt = Classify("FROM alpine:3.20\nENTRYPOINT [\"docker-entrypoint.sh\"]\nCMD [\"node\"]\n", "Dockerfile");

        Assert.Equal("base image (published under a versioned layout 7.4/bookworm/)", layout.Describe());
        Assert.Equal(ImageRole.BaseImage, prompt.Role);
        Assert.Equal(ImageRole.LeafApp, Classify("FROM debian:bookworm\nCMD [\"redis-server\"]\n", "lesson/2/Dockerfile").Role);
    }

    [Fact]
    public void Onbuild_makes_an_image_a_base_image()
    {
        Assert.Equal(ImageRole.BaseImage, Classify("FROM node:20\nONBUILD COPY . .\nCMD [\"npm\", \"start\"]\n", "Dockerfile").Role);
    }

    [Theory]
    [InlineData("Dockerfile.dev")]
    [InlineData("docker/ci.Dockerfile")]
    [InlineData(".devcontainer/Dockerfile")]
    [InlineData("builder.Dockerfile")]
    public void Builder_ci_and_dev_images_are_known_by_their_names(string path)
    {
        Assert.Equal(ImageRole.BuildImage, Classify("FROM node:20\nCMD [\"npm\", \"run\", \"dev\"]\n", path).Role);
    }

    [Fact]
    public void A_final_stage_named_dev_is_a_dev_image()
    {
        var decision = Classify("FROM node:20 AS app\nCMD [\"node\", \"a.js\"]\nFROM app AS dev-envs\nRUN apk add git\n", "Dockerfile");

        Assert.Equal("builder/CI/dev image (the final stage is named 'dev-envs' (line 3))", decision.Describe());
    }

    [Theory]
    [InlineData("tests/bud/add/Dockerfile")]
    [InlineData("pkg/parser/testdata/Dockerfile")]
    [InlineData("e2e/fixtures/simple/Dockerfile")]
    public void Dockerfiles_kept_as_test_input_are_test_fixtures(string path)
    {
        Assert.Equal(ImageRole.TestFixture, Classify("FROM alpine\nCMD [\"sh\", \"-c\", \"echo hi\"]\n", path).Role);
    }

    [Theory]
    [InlineData("FROM debian\nRUN apt-get install -y gosu\nENTRYPOINT [\"gosu\", \"app\", \"/app/run\"]\n", "drops privileges itself")]
    [InlineData("FROM debian\nVOLUME /var/run/docker.sock\nCMD [\"/agent\"]\n", "docker socket")]
    [InlineData("FROM alpine\nRUN setcap cap_net_raw+ep /bin/probe\nCMD [\"/bin/probe\"]\n", "cap_net_raw")]
    [InlineData("FROM alpine\nENTRYPOINT [\"tcpdump\", \"-i\", \"any\"]\n", "tcpdump")]
    [InlineData("FROM debian\nCMD [\"/usr/bin/supervisord\"]\n", "init system")]
    [InlineData("FROM jenkins/jenkins\nUSER root\nRUN apt-get update\nCMD [\"/run.sh\"]\n", "USER is root")]
    public void Tools_that_need_root_by_design_are_recognised(string dockerfile, string fact)
    {
        var decision = Classify(dockerfile, "Dockerfile");

        Assert.Equal(ImageRole.PrivilegedTool, decision.Role);
        Assert.Contains(fact, decision.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void An_entrypoint_script_in_the_build_context_that_updates_the_ca_store_needs_root()
    {
        var context = new InMemoryBuildContext(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["docker/entrypoint.sh"] = "#!/bin/sh\n# runs as root\nupdate-ca-certificates\nexec \"$@\"\n",
        });
        var decision = Classify("FROM debian\nCOPY docker/entrypoint.sh /usr/local/bin/\nENTRYPOINT [\"entrypoint.sh\"]\nCMD [\"/app\"]\n", "Dockerfile", context);

        Assert.Equal("tool that needs privileges (its entrypoint script docker/entrypoint.sh updates the system CA store (line 3))", decision.Describe());
    }

    [Fact]
    public void Every_piece_of_evidence_is_kept_with_its_line_so_the_decision_can_be_explained()
    {
        var decision = Classify("FROM debian\nUSER root\nCMD [\"bash\"]\n", "ci/Dockerfile");

        Assert.Equal(ImageRole.BuildImage, decision.Role);
        Assert.Contains(decision.Evidence, e => e.PointsTo == ImageRole.PrivilegedTool && e.Line == 2);
        Assert.Contains(decision.Evidence, e => e.PointsTo == ImageRole.BaseImage && e.Line == 3);
    }

    [Theory]
    [InlineData("app", ImageRole.LeafApp)]
    [InlineData("CI", ImageRole.BuildImage)]
    [InlineData("fixture", ImageRole.TestFixture)]
    public void Users_name_roles_with_short_words(string word, ImageRole role) => Assert.Equal(role, ImageRoles.Parse(word));

    private static RoleDecision Classify(string text, string path, IBuildContext? context = null) =>
        ImageRoleClassifier.Classify(DockerfileModel.Build(DockerfileParser.Parse(text)), path, context);
}