using DockerOpt.Core.Images;

namespace DockerOpt.Core.Tests.Images;

public class ImageReferenceTests
{
    private const string Digest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Theory]
    [InlineData("python", null, "python", null, null, "docker.io/library/python")]
    [InlineData("python:3.12-slim", null, "python", "3.12-slim", null, "docker.io/library/python")]
    [InlineData("bitnami/redis:7.2", null, "bitnami/redis", "7.2", null, "docker.io/bitnami/redis")]
    [InlineData("gcr.io/distroless/static-debian12:nonroot", "gcr.io", "distroless/static-debian12", "nonroot", null, "gcr.io/distroless/static-debian12")]
    [InlineData("localhost:5000/team/app:dev", "localhost:5000", "team/app", "dev", null, "localhost:5000/team/app")]
    [InlineData("localhost/app", "localhost", "app", null, null, "localhost/app")]
    [InlineData("registry:5000/org/repo:tag@" + Digest, "registry:5000", "org/repo", "tag", Digest, "registry:5000/org/repo")]
    [InlineData("node@" + Digest, null, "node", null, Digest, "docker.io/library/node")]
    [InlineData("docker.io/library/golang:1.22", "docker.io", "library/golang", "1.22", null, "docker.io/library/golang")]
    [InlineData("mcr.microsoft.com/dotnet/sdk:8.0", "mcr.microsoft.com", "dotnet/sdk", "8.0", null, "mcr.microsoft.com/dotnet/sdk")]
    [InlineData("[::1]:5000/app:1", "[::1]:5000", "app", "1", null, "[::1]:5000/app")]
    [InlineData("localhost:5000", null, "localhost", "5000", null, "docker.io/library/localhost")]
    public void I_can_split_an_image_reference_like_Docker(string text, string? registry, string path, string? tag, string? digest, string fullName)
    {
        ImageReference image = ImageReference.Parse(text);

        Assert.Equal(registry, image.Registry);
        Assert.Equal(path, image.Path);
        Assert.Equal(tag, image.Tag);
        Assert.Equal(digest, image.Digest);
        Assert.Equal(fullName, image.FullName);
        Assert.Equal(text, image.ToString());
        Assert.True(image.IsValid);
    }

    [Fact]
    public void An_upper_case_first_component_is_a_registry()
    {
        ImageReference image = ImageReference.Parse("MyRegistry/app");

        Assert.Equal("MyRegistry", image.Registry);
        Assert.Equal("app", image.Path);
    }

    [Fact]
    public void Scratch_is_recognised()
    {
        Assert.True(ImageReference.Parse("scratch").IsScratch);
        Assert.False(ImageReference.Parse("scratchy").IsScratch);
        Assert.False(ImageReference.Parse("example.com/scratch").IsScratch);
    }

    [Theory]
    [InlineData("python:${PYTHON_VERSION}-slim", null, "python", "${PYTHON_VERSION}-slim")]
    [InlineData("${REGISTRY:-docker.io}/node:20", "${REGISTRY:-docker.io}", "node", "20")]
    [InlineData("$REGISTRY/node:20", "$REGISTRY", "node", "20")]
    [InlineData("$BASE_IMAGE", null, "$BASE_IMAGE", null)]
    [InlineData("ghcr.io/org/app:${TAG:-a:b}", "ghcr.io", "org/app", "${TAG:-a:b}")]
    public void A_reference_with_variables_keeps_them_in_their_part(string text, string? registry, string path, string? tag)
    {
        ImageReference image = ImageReference.Parse(text);

        Assert.True(image.HasVariables);
        Assert.False(image.IsValid);
        Assert.Equal(registry, image.Registry);
        Assert.Equal(path, image.Path);
        Assert.Equal(tag, image.Tag);
        Assert.Equal(text, image.ToString());
    }

    [Theory]
    [InlineData("python:3.12", "3.12-slim", "python:3.12-slim")]
    [InlineData("python", "3.12-slim", "python:3.12-slim")]
    [InlineData("localhost:5000/python", "3.12", "localhost:5000/python:3.12")]
    [InlineData("docker.io/library/node:20@" + Digest, "20-slim", "docker.io/library/node:20-slim@" + Digest)]
    public void I_can_change_the_tag_and_keep_the_rest_as_written(string text, string tag, string expected)
    {
        ImageReference image = ImageReference.Parse(text).WithTag(tag);

        Assert.Equal(expected, image.ToString());
        Assert.Equal(tag, image.Tag);
    }

    [Fact]
    public void I_can_drop_the_tag_or_the_digest_and_change_the_path()
    {
        ImageReference image = ImageReference.Parse("ghcr.io/org/app:1.0@" + Digest);

        Assert.Equal("ghcr.io/org/app@" + Digest, image.WithTag(null).ToString());
        Assert.Equal("ghcr.io/org/app:1.0", image.WithDigest(null).ToString());
        Assert.Equal("ghcr.io/org/runtime:1.0@" + Digest, image.WithPath("org/runtime").ToString());
        Assert.True(image.IsDigestPinned);
    }

    [Theory]
    [InlineData("Python:3")]
    [InlineData("python:")]
    [InlineData("python::3")]
    [InlineData("python@sha256:short")]
    [InlineData("")]
    [InlineData("a//b")]
    public void An_invalid_reference_is_reported_but_still_printed_exactly(string text)
    {
        ImageReference image = ImageReference.Parse(text);

        Assert.False(image.IsValid);
        Assert.Equal(text, image.ToString());
    }
}