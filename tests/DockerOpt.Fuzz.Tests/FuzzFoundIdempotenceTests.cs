using System.Text;

using DockerOpt.Fuzz.Properties;
using DockerOpt.Transforms;

namespace DockerOpt.Fuzz.Tests;

/// <summary>
/// Inputs the 1,000,000-input run (`bash scripts/fuzz/run.sh --inputs 1000000 --seed 7`, at af16894) and the CI run
/// (seed 14, at bc7d6b3) found not idempotent, minimized, through the same checker with the real passes: every property
/// holds for each now. All were cache-mounts deciding on tally's prefer-run-heredoc groups from facts the next run reads
/// differently.
/// </summary>
public sealed class FuzzFoundIdempotenceTests : IDisposable
{
    private readonly string sandbox = Path.Combine(Path.GetTempPath(), "dockeropt-fuzz-test-" + Guid.NewGuid().ToString("N")[..12]);

    // Index 16600: the apt mount was declined for the apt-get update it brings (a third command in the RUN), and then
    // package-hygiene added that update anyway, so the next run found the mount costs nothing more.
    [Fact]
    public void An_apt_install_without_an_update_gets_its_mount_on_the_first_run()
    {
        var outcome = Check("FROM n\nRUN p<<e&&apt-get install");

        Assert.Null(outcome.Failure);
    }

    // Index 690790: the mounts of a group of pip RUNs were all declined when leaving some out did not help; package-hygiene
    // then switched pip's cache off in some of them, and the next run, planning fewer mounts, kept the last one.
    [Fact]
    public void Mounts_left_out_of_a_group_of_RUNs_are_tried_again_beside_the_ones_kept()
    {
        var outcome = Check("FROM e\nRUN\nRUN &v\nRUN pip install c\"-t\"\nRUN pip3 install v;t\"\nRUN pip install&&\nRUN pip3 install |\\");

        Assert.Null(outcome.Failure);
    }

    // Index 634848 (same shape, own text): the pip mount this tool added in the last stage was read on the next run as the
    // author's own pip cache set-up, which switched pip off in the first RUN and let every apt RUN of the group be mounted.
    [Fact]
    public void A_mount_this_tool_wrote_is_not_read_as_the_authors_own_cache_set_up()
    {
        var text = new StringBuilder("FROM python:3.13-slim-trixie AS build\nRUN apt-get update && \\\n    apt-get install --no-install-recommends --yes gcc && \\\n    /venv/bin/pip install --upgrade pip\n");
        for (var i = 0; i < 265; i++)
        {
            text.Append("RUN apt-get update && apt-get install -y p").Append(i).Append('\n');
        }

        text.Append("FROM build AS build-venv\nCOPY requirements.txt /requirements.txt\nRUN /venv/bin/pip install -r /requirements.txt\n\nFROM gcr.io/distroless/python3-debian13\nCOPY --from=build-venv /venv /venv\n");

        var outcome = Check(text.ToString());

        Assert.Null(outcome.Failure);
    }

    // Seed 7 index 929789 and seed 14 index 2413: cache-mounts weighed a group holding a standalone `apt update` RUN
    // that package-hygiene then removed (every install after it updates in its own RUN), so the next run saw another
    // group. cache-mounts now runs once more on the final text when a later pass changed it.
    [Theory]
    [InlineData("FROM 4\nRUN p& &*\nRUN apt-get install\nRUN apt update\nRUN apt")]
    [InlineData("FROM 4\nRUN apt-get update& &*\nRUN \nRUN \nRUN apt-get update\n#\nRUN apt-get install")]
    public void A_group_that_package_hygiene_changes_after_cache_mounts_is_weighed_again(string text)
    {
        var outcome = Check(text);

        Assert.Null(outcome.Failure);
    }

    public void Dispose()
    {
        if (Directory.Exists(sandbox))
        {
            Directory.Delete(sandbox, recursive: true);
        }
    }

    private CheckOutcome Check(string text) =>
        new PropertyChecker(sandbox, PassRegistry.All, ResourceLimits.Default).Check(Encoding.UTF8.GetBytes(text));
}