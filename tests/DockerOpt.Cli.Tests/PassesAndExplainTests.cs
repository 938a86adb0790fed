using DockerOpt.Cli.Tests.Support;

namespace DockerOpt.Cli.Tests;

public sealed class PassesAndExplainTests : IDisposable
{
    private readonly CliSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    [Fact]
    public void Passes_lists_id_safety_category_and_title_in_pipeline_order()
    {
        var result = sandbox.Run("passes");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Out.Split('\n');
        Assert.Equal("ID                    SAFETY             CATEGORY    TITLE", lines[0]);
        Assert.Equal("test-no-recommends    changes-behaviour  size        apt-get install without recommended packages (DL3015)", lines[1]);
        Assert.Equal("test-privileged-port  safe               security    Privileged ports", lines[2]);
        Assert.Equal("test-ignore-git       safe               buildspeed  Keep .git out of the build context", lines[3]);
    }

    [Fact]
    public void Explain_tells_what_why_exclusions_example_and_hadolint_ids()
    {
        var result = sandbox.Run("explain", "test-no-recommends");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            "test-no-recommends: apt-get install without recommended packages\n"
            + "safety: changes-behaviour   category: size   hadolint: DL3015 (same meaning; '# hadolint ignore=' for them is honoured)\n"
            + "\n"
            + "  Adds --no-install-recommends to apt-get install, so only the packages asked for are installed.\n"
            + "  Leaves exec-form RUNs alone.\n"
            + "\n"
            + "  Its changes can alter what the image does: they are marked [changes behaviour] and 'dockeropt verify' checks them.\n"
            + "\n"
            + "Images it changes:\n"
            + "  every kind (leaf apps, base images, builder/CI/dev images, tools, test fixtures): its changes keep\n"
            + "  what the image does, so it applies to every kind of image.\n"
            + "\n"
            + "Leaves alone:\n"
            + "  - exec-form RUN instructions\n"
            + "\n"
            + "Before:\n"
            + "    RUN apt-get install -y curl\n"
            + "\n"
            + "After:\n"
            + "    RUN apt-get install --no-install-recommends -y curl\n"
            + "\n"
            + "Switch it off: --skip test-no-recommends, 'skip: [test-no-recommends]' in .dockeropt.yaml, or '# dockeropt ignore=test-no-recommends' above an instruction.\n",
            result.Out);
    }

    [Fact]
    public void Explain_finds_a_pass_by_its_hadolint_id()
    {
        var result = sandbox.Run("explain", "dl3015");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("test-no-recommends: ", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_of_an_unknown_id_exits_2_with_the_known_ones()
    {
        var result = sandbox.Run("explain", "nope");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("dockeropt: unknown pass id 'nope'; known passes: test-no-recommends, test-privileged-port, test-ignore-git (see 'dockeropt passes')\n", result.Error);
    }

    [Fact]
    public void Every_registered_pass_can_be_explained()
    {
        sandbox.CreatePasses = Transforms.PassRegistry.Create;

        foreach (var pass in Transforms.PassRegistry.All)
        {
            var result = sandbox.Run("explain", pass.Info.Id);
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.StartsWith($"{pass.Info.Id}: {pass.Info.Title}\n", result.Out, StringComparison.Ordinal);
        }
    }
}