using System.Text;
using System.Text.Json;

using DockerOpt.Cli.Tests.Support;

namespace DockerOpt.Cli.Tests;

public sealed class RewriteCommandTests : IDisposable
{
    private const string Naive = "FROM debian:bookworm\nRUN apt-get update && apt-get install -y curl\nEXPOSE 80\nCMD [\"curl\"]\n";
    private readonly CliSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    [Fact]
    public void Without_a_path_it_reads_the_Dockerfile_here_and_shows_a_plain_diff_when_piped()
    {
        sandbox.Write("Dockerfile", Naive);
        var before = sandbox.State();

        var result = sandbox.Run("rewrite");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--- a/Dockerfile\n+++ b/Dockerfile\n", result.Out, StringComparison.Ordinal);
        Assert.Contains("-RUN apt-get update && apt-get install -y curl\n+RUN apt-get update && apt-get install --no-install-recommends -y curl\n", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", result.Out, StringComparison.Ordinal);
        Assert.Equal(before, sandbox.State());
    }

    [Fact]
    public void On_a_terminal_the_diff_is_coloured()
    {
        sandbox.Write("Dockerfile", Naive);
        sandbox.IsTerminal = true;

        var result = sandbox.Run("rewrite");

        Assert.Contains("\u001b[32m+RUN apt-get update && apt-get install --no-install-recommends", result.Out, StringComparison.Ordinal);
        Assert.Contains("\u001b[31m-RUN apt-get update && apt-get install -y curl", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Changes_are_grouped_by_pass_each_with_its_own_hadolint_rule_and_the_behaviour_changing_ones_marked()
    {
        sandbox.Write("Dockerfile", Naive);

        var result = sandbox.Run("rewrite");

        Assert.Contains(
            "Dockerfile: 2 changes by 2 passes (1 may change behaviour: prove them with 'dockeropt verify')\n"
            + "  test-no-recommends: apt-get install without recommended packages\n"
            + "    line 2: install only the packages asked for (--no-install-recommends) (DL3015)  [changes behaviour]\n"
            + "  test-ignore-git: Keep .git out of the build context\n"
            + "    line 1: keep .git out of the build context (.dockerignore)\n",
            result.Error,
            StringComparison.Ordinal);
        Assert.Contains("Advice:\n  line 3: test-privileged-port: port below 1024", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_proposed_dockerignore_is_shown_as_a_diff_too()
    {
        sandbox.Write("Dockerfile", Naive).Write(".dockerignore", "node_modules\n");

        var result = sandbox.Run("rewrite");

        Assert.Contains("--- a/.dockerignore\n+++ b/.dockerignore\n", result.Out, StringComparison.Ordinal);
        Assert.Contains(" node_modules\n+.git\n", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_dockerignore_is_a_diff_from_dev_null()
    {
        sandbox.Write("Dockerfile", Naive);

        var result = sandbox.Run("rewrite");

        Assert.Contains("--- /dev/null\n+++ b/.dockerignore\n", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_directory_is_searched_for_every_kind_of_Dockerfile_name()
    {
        sandbox.Write("svc/Dockerfile", Naive).Write("svc/Dockerfile.prod", Naive).Write("svc/api.Dockerfile", Naive)
            .Write("svc/Containerfile", Naive).Write("svc/README.md", "not a Dockerfile").Write("svc/node_modules/x/Dockerfile", Naive);

        var result = sandbox.Run("rewrite", "svc", "--no-dockerignore");

        Assert.Equal(1, result.ExitCode);
        foreach (var name in new[] { "svc/Containerfile", "svc/Dockerfile", "svc/Dockerfile.prod", "svc/api.Dockerfile" })
        {
            Assert.Contains($"+++ b/{name}\n", result.Out, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("node_modules", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_writes_nothing_prints_no_diff_and_exits_1_when_a_rewrite_is_pending()
    {
        sandbox.Write("Dockerfile", Naive);
        var before = sandbox.State();

        var result = sandbox.Run("rewrite", "--check");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);
        Assert.Contains("a rewrite is pending for 1 file", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, sandbox.State());
    }

    [Fact]
    public void Apply_then_check_exits_0_and_a_second_apply_changes_nothing()
    {
        sandbox.Write("Dockerfile", Naive);

        var apply = sandbox.Run("rewrite", "--apply");
        var afterFirst = sandbox.State();
        var check = sandbox.Run("rewrite", "--check");
        var second = sandbox.Run("rewrite", "--apply");

        Assert.Equal(0, apply.ExitCode);
        Assert.Contains("wrote Dockerfile\nwrote .dockerignore\n", apply.Error, StringComparison.Ordinal);
        Assert.Contains("apt-get install --no-install-recommends -y curl", sandbox.Read("Dockerfile"), StringComparison.Ordinal);
        Assert.Equal(".git\n", sandbox.Read(".dockerignore"));
        Assert.Equal(0, check.ExitCode);
        Assert.Equal(0, second.ExitCode);
        Assert.DoesNotContain("wrote", second.Error, StringComparison.Ordinal);
        Assert.Equal(afterFirst, sandbox.State());
    }

    [Fact]
    public void Apply_keeps_the_BOM_the_CRLF_line_endings_and_the_permissions()
    {
        var original = "\uFEFFFROM debian\r\nRUN apt-get install -y curl\r\n";
        sandbox.WriteBytes("Dockerfile", Encoding.UTF8.GetBytes(original));
        File.SetUnixFileMode(sandbox.PathOf("Dockerfile"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.UserExecute);

        var result = sandbox.Run("rewrite", "--apply", "--no-dockerignore");

        Assert.Equal(0, result.ExitCode);
        var bytes = sandbox.ReadBytes("Dockerfile");
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Equal("\uFEFFFROM debian\r\nRUN apt-get install --no-install-recommends -y curl\r\n", Encoding.UTF8.GetString(bytes));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.UserExecute, File.GetUnixFileMode(sandbox.PathOf("Dockerfile")));
        Assert.False(sandbox.State().ContainsKey(".dockerignore"));
        Assert.Empty(Directory.EnumerateFiles(sandbox.Directory, "*.tmp"));
    }

    [Fact]
    public void Apply_refuses_when_the_file_changed_on_disk_since_it_was_read()
    {
        var path = sandbox.PathOf("Dockerfile");
        sandbox.Write("Dockerfile", Naive);
        sandbox.Passes = [.. TestPasses.All, new ConcurrentEditorPass(path, "FROM debian\n# edited meanwhile\n")];

        var result = sandbox.Run("rewrite", "--apply", "--no-dockerignore");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Dockerfile: changed on disk since it was read; nothing written (run again)", result.Error, StringComparison.Ordinal);
        Assert.Equal("FROM debian\n# edited meanwhile\n", sandbox.Read("Dockerfile"));
        Assert.Single(Directory.EnumerateFiles(sandbox.Directory));
    }

    [Fact]
    public void Output_dash_prints_only_the_rewritten_Dockerfile()
    {
        sandbox.Write("Dockerfile", Naive);

        var result = sandbox.Run("rewrite", "--output", "-");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(Naive.Replace("install -y", "install --no-install-recommends -y", StringComparison.Ordinal), result.Out);
    }

    [Fact]
    public void Output_to_a_file_leaves_the_Dockerfile_alone()
    {
        sandbox.Write("Dockerfile", Naive);

        var result = sandbox.Run("rewrite", "-o", "out/Dockerfile.new", "--no-dockerignore");

        Assert.Equal(2, result.ExitCode); // out/ does not exist: bad input, nothing written
        Directory.CreateDirectory(sandbox.PathOf("out"));
        var second = sandbox.Run("rewrite", "-o", "out/Dockerfile.new", "--no-dockerignore");
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(Naive, sandbox.Read("Dockerfile"));
        Assert.Contains("--no-install-recommends", sandbox.Read("out/Dockerfile.new"), StringComparison.Ordinal);
    }

    [Fact]
    public void Json_holds_the_rewritten_text_the_edits_the_findings_and_the_proposed_files()
    {
        sandbox.Write("Dockerfile", Naive);

        var result = sandbox.Run("rewrite", "--format", "json");

        Assert.Equal(1, result.ExitCode);
        using var document = JsonDocument.Parse(result.Out);
        var root = document.RootElement;
        Assert.Equal("Dockerfile", root.GetProperty("path").GetString());
        Assert.True(root.GetProperty("changed").GetBoolean());
        Assert.Contains("--no-install-recommends", root.GetProperty("rewritten").GetString(), StringComparison.Ordinal);
        var edit = Assert.Single(root.GetProperty("edits").EnumerateArray());
        Assert.Equal(2, edit.GetProperty("startLine").GetInt32());
        Assert.Equal(1, edit.GetProperty("lineCount").GetInt32());
        Assert.Equal("RUN apt-get update && apt-get install --no-install-recommends -y curl\n", edit.GetProperty("newText").GetString());
        var finding = root.GetProperty("passes")[0].GetProperty("findings")[0];
        Assert.Equal("applied", finding.GetProperty("kind").GetString());
        Assert.True(finding.GetProperty("changesBehaviour").GetBoolean());
        Assert.Equal(".dockerignore", root.GetProperty("files")[0].GetProperty("path").GetString());
    }

    [Theory]
    [InlineData("# dockeropt ignore=test-no-recommends\n")]
    [InlineData("# hadolint ignore=DL3015\n")]
    public void A_pragma_above_the_instruction_keeps_the_pass_away(string pragma)
    {
        sandbox.Write("Dockerfile", "FROM debian\n" + pragma + "RUN apt-get install -y curl\n").Write(".dockerignore", ".git\n");

        var result = sandbox.Run("rewrite", "--check");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("nothing to change", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Skip_and_only_choose_the_passes()
    {
        sandbox.Write("Dockerfile", Naive);

        var skipped = sandbox.Run("rewrite", "--check", "--skip", "test-no-recommends,test-ignore-git");
        var only = sandbox.Run("rewrite", "--check", "--only", "test-ignore-git");

        Assert.Equal(0, skipped.ExitCode);
        Assert.Equal(1, only.ExitCode);
        Assert.DoesNotContain("test-no-recommends", only.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_path_after_only_is_a_path_and_only_can_be_repeated()
    {
        sandbox.Write("app/Dockerfile", Naive);

        var result = sandbox.Run("rewrite", "--check", "--only", "test-no-recommends", "--only", "test-ignore-git", "app/Dockerfile");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("app/Dockerfile: 2 changes by 2 passes", result.Error, StringComparison.Ordinal);
    }
}