using System.Text.Json;

using DockerOpt.Cli.Tests.Support;

namespace DockerOpt.Cli.Tests;

public sealed class ParseCommandTests : IDisposable
{
    private readonly CliSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    [Fact]
    public void Roundtrip_prints_the_summary_line_and_exits_0_when_every_file_is_byte_identical()
    {
        sandbox.Write("a/Dockerfile", "FROM debian\r\nRUN echo \\\r\n  hi\r\n")
            .WriteBytes("b/api.Dockerfile", [0xEF, 0xBB, 0xBF, .. "from alpine\n\tRUN true"u8.ToArray()]);

        var result = sandbox.Run("parse", "--roundtrip", ".");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("2/2 files round-trip byte-identical\n", result.Out);
    }

    [Fact]
    public void Roundtrip_names_the_files_that_are_not_text_and_exits_1()
    {
        sandbox.Write("Dockerfile", "FROM debian\n").WriteBytes("blob/Dockerfile", [0x46, 0x00, 0x01]);

        var result = sandbox.Run("parse", "--roundtrip", ".");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("blob/Dockerfile: not text: binary file", result.Out, StringComparison.Ordinal);
        Assert.EndsWith("1/2 files round-trip byte-identical\n", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_is_one_document_for_one_file_and_an_array_for_several()
    {
        sandbox.Write("Dockerfile", "FROM debian\nRUN true\n").Write("other.Dockerfile", "FROM alpine\n");

        var one = sandbox.Run("parse", "--format", "json", "Dockerfile");
        var several = sandbox.Run("parse", "--format", "json", ".");

        Assert.Equal(0, one.ExitCode);
        using (var document = JsonDocument.Parse(one.Out))
        {
            Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
        }

        Assert.Equal(0, several.ExitCode);
        using (var document = JsonDocument.Parse(several.Out))
        {
            Assert.Equal(JsonValueKind.Array, document.RootElement.ValueKind);
            Assert.Equal(2, document.RootElement.GetArrayLength());
        }
    }

    [Fact]
    public void The_text_dump_shows_each_instruction_with_its_line_and_exact_text()
    {
        sandbox.Write("Dockerfile", "FROM debian\nRUN apt-get install -y curl\n");

        var result = sandbox.Run("parse", "Dockerfile");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("From L1", result.Out, StringComparison.Ordinal);
        Assert.Contains("Run L2", result.Out, StringComparison.Ordinal);
        Assert.Contains("ShellCommand \"apt-get install -y curl\"", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_with_errors_is_dumped_with_every_problem_on_stderr_and_exit_2()
    {
        sandbox.Write("Dockerfile", "FROM a\nFOO bar\nCOPY\n");

        var result = sandbox.Run("parse", "Dockerfile");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Dockerfile:2:1: error: unknown instruction: FOO", result.Error, StringComparison.Ordinal);
        Assert.Contains("Dockerfile:3:5: error: COPY requires at least two arguments", result.Error, StringComparison.Ordinal);
    }
}