using DockerOpt.Engine.Engines;

namespace DockerOpt.Engine.Tests.Engines;

public sealed class SmallParsersTests
{
    [Theory]
    [InlineData("#7 [build 2/5] RUN go build -o /app .", "[build 2/5] RUN go build -o /app .")]
    [InlineData("#1 [internal] load build definition from Dockerfile", "[internal] load build definition from Dockerfile")]
    [InlineData("[1/2] STEP 2/5: RUN npm ci", "[1/2] STEP 2/5: RUN npm ci")]
    [InlineData("STEP 1/3: FROM debian:bookworm-slim", "STEP 1/3: FROM debian:bookworm-slim")]
    [InlineData("#7 0.512 go: downloading example.com/x v1.0.0", null)]
    [InlineData("#7 DONE 1.2s", null)]
    public void Build_steps_are_picked_out_of_BuildKit_and_Buildah_output(string line, string? expected)
    {
        Assert.Equal(expected, BuildProgressParser.Parse(line)?.Text);
    }

    [Theory]
    [InlineData("node --version", new[] { "node", "--version" })]
    [InlineData("sh -c 'echo $HOME && ls'", new[] { "sh", "-c", "echo $HOME && ls" })]
    [InlineData("python -c \"print(\\\"hi\\\")\"", new[] { "python", "-c", "print(\"hi\")" })]
    [InlineData("  a\\ b   c ", new[] { "a b", "c" })]
    [InlineData("''", new[] { "" })]
    public void A_smoke_command_is_split_like_a_shell_would_without_expanding_anything(string commandLine, string[] expected)
    {
        Assert.Equal(expected, CommandLineSplitter.Split(commandLine));
    }

    [Fact]
    public void An_unclosed_quote_in_a_smoke_command_is_refused()
    {
        Assert.Null(CommandLineSplitter.Split("sh -c 'echo"));
    }

    [Theory]
    [InlineData("8080", 8080, "/")]
    [InlineData("3000/health", 3000, "/health")]
    [InlineData("80/api/v1?x=1", 80, "/api/v1?x=1")]
    public void I_can_name_the_http_probe_as_port_and_path(string text, int port, string path)
    {
        Assert.Equal(new HttpProbe(port, path), HttpProbe.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("http")]
    [InlineData("70000")]
    [InlineData("-1/x")]
    public void A_probe_without_a_valid_port_is_refused(string text)
    {
        Assert.Null(HttpProbe.Parse(text));
    }

    [Theory]
    [InlineData("docker", EngineKind.Docker)]
    [InlineData("Podman", EngineKind.Podman)]
    [InlineData("nerdctl", null)]
    public void The_engine_is_named_case_insensitively(string text, EngineKind? expected)
    {
        Assert.Equal(expected, EngineOptions.ParseKind(text));
    }
}