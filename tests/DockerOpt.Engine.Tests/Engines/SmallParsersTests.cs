using DockerOpt.Engine.Engines;

namespace DockerOpt.Engine.Tests.Engines;

public sealed class SmallParsersTests
{
    [Theory]
    [InlineData("#7 [build 2/5] RUN go build -o /app .", "7", BuildStepChange.Announced, "[build 2/5] RUN go build -o /app .")]
    [InlineData("#1 [internal] load build definition from Dockerfile", "1", BuildStepChange.Announced, "[internal] load build definition from Dockerfile")]
    [InlineData("#12 exporting to image", "12", BuildStepChange.Announced, "exporting to image")]
    [InlineData("#7 DONE 1.2s", "7", BuildStepChange.Finished, "")]
    [InlineData("#5 CACHED", "5", BuildStepChange.Finished, "")]
    [InlineData("#8 ERROR: process \"/bin/sh -c make\" did not complete successfully: exit code: 2", "8", BuildStepChange.Finished, "")]
    [InlineData("#9 CANCELED", "9", BuildStepChange.Finished, "")]
    [InlineData("[1/2] STEP 2/5: RUN npm ci", "step", BuildStepChange.Replaced, "[1/2] STEP 2/5: RUN npm ci")]
    [InlineData("STEP 1/3: FROM debian:bookworm-slim", "step", BuildStepChange.Replaced, "STEP 1/3: FROM debian:bookworm-slim")]
    public void Build_step_starts_and_ends_are_picked_out_of_BuildKit_and_Buildah_output(string line, string id, BuildStepChange change, string text)
    {
        Assert.Equal(new BuildStepEvent(new BuildStep(id, text), change), BuildProgressParser.Parse(line));
    }

    [Theory]
    [InlineData("#7 0.512 go: downloading example.com/x v1.0.0")]
    [InlineData("#7 12.03 DONE with the tests")]
    [InlineData("#0 building with \"default\" instance using docker driver")]
    [InlineData("ERROR: failed to solve: process did not complete successfully")]
    [InlineData("")]
    public void Command_output_and_other_lines_say_nothing_about_steps(string line)
    {
        Assert.Null(BuildProgressParser.Parse(line));
    }

    [Fact]
    public void Parallel_BuildKit_steps_are_all_running_until_each_one_is_done_whatever_printed_last()
    {
        // Two stages build at once; their output alternates and BuildKit repeats a step's name when it switches back.
        string[] output =
        [
            "#6 [build 3/4] RUN go build -o /server .",
            "#7 [assets 2/2] RUN npm run build",
            "#6 3.1 compiling",
            "#7 4.0 bundling",
            "#6 [build 3/4] RUN go build -o /server .",
            "#6 40.2 still compiling",
            "#7 DONE 5.0s",
            "#6 [build 3/4] RUN go build -o /server .",
        ];
        var running = new RunningBuildSteps();
        var snapshots = new List<string[]>();
        foreach (var line in output)
        {
            if (running.Observe(line))
            {
                snapshots.Add([.. running.Current.Select(static step => step.Text)]);
            }
        }

        Assert.Equal(
            [
                ["[build 3/4] RUN go build -o /server ."],
                ["[build 3/4] RUN go build -o /server .", "[assets 2/2] RUN npm run build"],
                ["[build 3/4] RUN go build -o /server ."],
            ],
            snapshots);
        Assert.True(running.Observe("#6 DONE 76.0s"));
        Assert.Empty(running.Current);
    }

    [Fact]
    public void A_Buildah_step_replaces_the_one_before_it()
    {
        var running = new RunningBuildSteps();

        running.Observe("STEP 1/2: FROM debian:bookworm-slim");
        running.Observe("STEP 2/2: RUN make");

        Assert.Equal(["STEP 2/2: RUN make"], running.Current.Select(static step => step.Text));
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