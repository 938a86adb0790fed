using DockerOpt.Core.Editing;
using DockerOpt.Syntax;

namespace DockerOpt.Core.Tests.Editing;

/// <summary>
/// New builder flags go where BuildKit reads them as flags: a lone <c>--</c> ends the flags, and BuildKit reads every
/// word after it as an argument (issue 14: <c>RUN -- npm ci</c> became <c>RUN -- --mount=... npm ci</c>).
/// </summary>
public sealed class InstructionEditsFlagTests
{
    [Theory]
    [InlineData("RUN npm ci\n", "RUN --mount=type=cache,target=/root/.npm npm ci\n")]
    [InlineData("RUN -- npm ci\n", "RUN --mount=type=cache,target=/root/.npm -- npm ci\n")]
    [InlineData("RUN --network=host -- npm ci\n", "RUN --network=host --mount=type=cache,target=/root/.npm -- npm ci\n")]
    [InlineData("RUN --network=host \\\n  -- npm ci\n", "RUN --network=host \\\n  --mount=type=cache,target=/root/.npm -- npm ci\n")]
    public void A_mount_inserted_above_the_command_lands_before_the_end_of_flags_marker(string run, string expected)
    {
        var text = "FROM node:20\n" + run;
        var instruction = DockerfileParser.Parse(text, "Dockerfile").Instructions[^1];

        var rewritten = EditApplier.Apply(text, [InstructionEdits.InsertFlags(instruction, "--mount=type=cache,target=/root/.npm ")]);

        Assert.Equal("FROM node:20\n" + expected, rewritten);
        var reparsed = DockerfileParser.Parse(rewritten, "Dockerfile").Instructions[^1];
        Assert.Contains(reparsed.Flags, f => f.Name == "mount");
        Assert.Equal("npm ci", ((ShellFormArguments)reparsed.Arguments).CommandText);
    }

    [Theory]
    [InlineData("COPY -- a b\n", "COPY --chown=app -- a b\n")]
    [InlineData("COPY --from=build -- a b\n", "COPY --from=build --chown=app -- a b\n")]
    public void A_flag_added_after_the_existing_flags_lands_before_the_end_of_flags_marker(string copy, string expected)
    {
        var text = "FROM debian\n" + copy;
        var instruction = DockerfileParser.Parse(text, "Dockerfile").Instructions[^1];

        var rewritten = EditApplier.Apply(text, [InstructionEdits.AddFlag(instruction, "--chown=app")]);

        Assert.Equal("FROM debian\n" + expected, rewritten);
        Assert.Contains(DockerfileParser.Parse(rewritten, "Dockerfile").Instructions[^1].Flags, f => f.Name == "chown");
    }
}