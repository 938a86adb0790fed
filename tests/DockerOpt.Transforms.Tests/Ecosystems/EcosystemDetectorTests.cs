using DockerOpt.Core.BuildContext;
using DockerOpt.Core.Model;
using DockerOpt.Core.Shell;
using DockerOpt.Syntax;
using DockerOpt.Transforms.Ecosystems;

namespace DockerOpt.Transforms.Tests.Ecosystems;

public sealed class EcosystemDetectorTests
{
    [Theory]
    [InlineData("node:20", "node")]
    [InlineData("docker.io/library/node:20-slim", "node")]
    [InlineData("python:3.12-slim-bookworm", "python")]
    [InlineData("golang:1.22@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "go")]
    [InlineData("rust:1.79", "rust")]
    [InlineData("eclipse-temurin:21-jre", "java")]
    [InlineData("mcr.microsoft.com/dotnet/sdk:8.0", "dotnet")]
    [InlineData("ruby:3.3", "ruby")]
    [InlineData("php:8.3-fpm", "php")]
    public void I_can_tell_the_ecosystem_of_an_official_base_image(string image, string expected)
    {
        Assert.Equal(expected, EcosystemDetector.FromImage(image)?.Id);
    }

    [Theory]
    [InlineData("debian:bookworm-slim")]
    [InlineData("ubuntu:24.04")]
    [InlineData("nodejs-tools:1")]
    public void An_image_of_no_known_ecosystem_names_none(string image)
    {
        Assert.Null(EcosystemDetector.FromImage(image));
    }

    [Fact]
    public void A_Debian_image_that_installs_python_with_pip_is_a_Python_file()
    {
        var detection = Detect(
            "FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y python3-pip\nRUN pip3 install --no-cache-dir -r requirements.txt\n",
            EmptyBuildContext.Instance);

        Assert.Equal("python", detection.Primary?.Id);
    }

    [Fact]
    public void The_build_context_names_the_ecosystem_when_the_Dockerfile_does_not()
    {
        var context = new InMemoryBuildContext(new Dictionary<string, string>
        {
            ["go.mod"] = "module example.com/app\n",
            ["go.sum"] = string.Empty,
            ["main.go"] = "package main\n",
        });

        var detection = Detect("FROM ubuntu:24.04\nCOPY . /src\n", context);

        Assert.Equal("go", detection.Primary?.Id);
        Assert.Equal(["go.mod", "go.sum"], detection.For(EcosystemTable.Go).Select(e => e.Detail));
    }

    [Fact]
    public void A_Python_app_with_an_npm_front_end_shows_both_with_Python_first()
    {
        var context = new InMemoryBuildContext(new Dictionary<string, string>
        {
            ["requirements.txt"] = "flask\n",
            ["frontend/package.json"] = "{}",
        });

        var detection = Detect("FROM python:3.12\nRUN npm ci --prefix frontend\nRUN pip install -r requirements.txt\n", context);

        Assert.Equal(["python", "node"], detection.Ecosystems.Select(e => e.Id));
    }

    [Fact]
    public void A_stage_built_from_an_earlier_stage_inherits_its_image()
    {
        var syntax = DockerfileParser.Parse("FROM node:20 AS base\nFROM base AS test\nRUN echo hi\n", "Dockerfile");
        var model = DockerfileModel.Build(syntax);

        var detection = EcosystemDetector.Detect(model, model.Stages[1], EmptyBuildContext.Instance);

        Assert.Equal("node", detection.Primary?.Id);
        Assert.Contains(detection.Evidence, e => e.Source == EvidenceSource.BaseImage && e.Detail == "node:20");
    }

    [Fact]
    public void Manifests_come_back_in_the_order_they_are_copied()
    {
        // On disk: dot files such as .npmrc are manifests too.
        var root = Directory.CreateTempSubdirectory("dockeropt-manifests-").FullName;
        try
        {
            string[] files = [".npmrc", "yarn.lock", "package.json", "requirements-dev.txt", "requirements.txt", "src/package.json"];
            foreach (var file in files)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(root, file))!);
                File.WriteAllText(Path.Combine(root, file), "{}");
            }

            var context = new FileSystemBuildContext(root);

            Assert.Equal(["package.json", "yarn.lock", ".npmrc"], EcosystemDetector.ManifestsIn(EcosystemTable.Node, context));
            Assert.Equal(["requirements-dev.txt", "requirements.txt"], EcosystemDetector.ManifestsIn(EcosystemTable.Python, context));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Theory]
    [InlineData("npm ci", "node", EcosystemCommandKind.Install)]
    [InlineData("yarn --frozen-lockfile", "node", EcosystemCommandKind.Install)]
    [InlineData("python3 -m pip install -r requirements.txt", "python", EcosystemCommandKind.Install)]
    [InlineData("/usr/local/bin/pip3.12 install flask", "python", EcosystemCommandKind.Install)]
    [InlineData("go mod download", "go", EcosystemCommandKind.Install)]
    [InlineData("npm run build", "node", EcosystemCommandKind.Build)]
    [InlineData("CGO_ENABLED=0 go build -o /out/app .", "go", EcosystemCommandKind.Build)]
    [InlineData("./mvnw package -DskipTests", "java", EcosystemCommandKind.Build)]
    public void I_can_recognise_installs_and_builds(string command, string ecosystem, EcosystemCommandKind kind)
    {
        var recognised = Recognise(command);

        Assert.NotNull(recognised);
        Assert.Equal(ecosystem, recognised.Ecosystem.Id);
        Assert.Equal(kind, recognised.Kind);
    }

    [Theory]
    [InlineData("yarn test")]
    [InlineData("npm start")]
    [InlineData("go vet ./...")]
    [InlineData("pip --version")]
    public void Commands_that_neither_install_nor_build_are_not_recognised(string command)
    {
        Assert.Null(Recognise(command));
    }

    [Theory]
    [InlineData("pip install -r requirements.txt", null)]
    [InlineData("pip install --no-cache-dir -r ./requirements.txt --prefix /install", null)]
    [InlineData("pip install flask gunicorn", null)]
    [InlineData("pip install .", "installs from the path '.'")]
    [InlineData("pip install -e .", "installs the project itself (-e)")]
    [InlineData("poetry install", "add --no-root")]
    [InlineData("poetry install --no-root --only main", null)]
    [InlineData("npm ci", null)]
    public void An_install_that_needs_the_project_source_says_why(string command, string? reasonContains)
    {
        var reason = Recognise(command)!.SourceReason;

        if (reasonContains is null)
        {
            Assert.Null(reason);
        }
        else
        {
            Assert.Contains(reasonContains, reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Requirement_files_named_by_a_pip_install_are_its_manifests()
    {
        var recognised = Recognise("pip install -r requirements.txt --requirement=requirements-prod.txt -c constraints.txt -r $EXTRA");

        Assert.Equal(["requirements.txt", "requirements-prod.txt", "constraints.txt", null], recognised!.ManifestArguments);
    }

    private static EcosystemDetection Detect(string dockerfile, IBuildContext context) =>
        EcosystemDetector.Detect(DockerfileModel.Build(DockerfileParser.Parse(dockerfile, "Dockerfile")), context);

    private static EcosystemCommand? Recognise(string command)
    {
        var simple = ShellParser.Parse(command).SimpleCommands.Single();
        return EcosystemCommand.Recognise(ToolInvocation.From(simple)!);
    }
}