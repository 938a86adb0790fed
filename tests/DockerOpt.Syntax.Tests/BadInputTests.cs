using System.Text;

namespace DockerOpt.Syntax.Tests;

public sealed class BadInputTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("dockeropt-syntax-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_binary_file_is_refused_with_its_location()
    {
        string path = Write("binary", [.. "FROM a\nRUN x"u8, 0x00, 0x01, 0x02]);

        LoadResult result = DockerfileLoader.Load(path);

        Assert.False(result.Succeeded);
        Diagnostic error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.BinaryInput, error.Id);
        Assert.Equal($"{path}:2:6: error: binary file (contains a NUL byte); a Dockerfile must be UTF-8 text", error.ToString());
    }

    [Fact]
    public void Invalid_utf8_is_refused_with_the_line_and_column_of_the_bad_byte()
    {
        string path = Write("latin1", [.. "FROM a\nLABEL name=\"Ren"u8, 0xE9, .. "\"\n"u8]);

        LoadResult result = DockerfileLoader.Load(path);

        Diagnostic error = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticIds.InvalidUtf8, 2, 16), (error.Id, error.Line, error.Column));
        Assert.Contains("0xE9", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_a_diagnostic_not_an_exception()
    {
        LoadResult result = DockerfileLoader.Load(Path.Combine(_directory, "nope"));

        Assert.Equal(DiagnosticIds.UnreadableFile, Assert.Single(result.Diagnostics).Id);
    }

    [Fact]
    public void A_utf8_file_with_a_bom_loads_and_prints_back_the_same_bytes()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. "FROM a\r\nRUN \u00e9\r\n"u8];

        LoadResult result = DockerfileLoader.Load(Write("bom", bytes));

        Assert.True(result.Succeeded);
        Assert.Equal(bytes, new UTF8Encoding(false).GetBytes(result.Syntax!.ToFullString()));
    }

    [Fact]
    public void A_ten_megabyte_file_parses_in_linear_time()
    {
        var builder = new StringBuilder();
        builder.Append("FROM alpine\n");
        while (builder.Length < 10_000_000)
        {
            builder.Append("RUN apt-get install -y curl \\\n    # note\n    && echo \"done\" \\\n    && true\nENV A=1 B=2\nCOPY <<EOF /x\nbody\nEOF\n");
        }

        AssertParsesLosslessly(builder.ToString());
    }

    [Fact]
    public void A_one_megabyte_line_parses_in_linear_time_and_is_reported_as_too_long_for_buildkit()
    {
        string line = "RUN echo " + new string('a', 1_000_000) + " <<EOF [\"x\" " + new string('"', 1000) + "\n";

        DockerfileSyntax syntax = AssertParsesLosslessly("FROM a\n" + line);

        Diagnostic error = Assert.Single(syntax.Diagnostics, d => d.Id == DiagnosticIds.LineTooLong);
        Assert.Equal((2, 1, DiagnosticSeverity.Error), (error.Line, error.Column, error.Severity));
    }

    [Fact]
    public void A_line_just_under_the_buildkit_limit_is_fine()
    {
        string line = "RUN echo " + new string('a', 65_535 - "RUN echo \n".Length) + "\n";

        Assert.DoesNotContain(DockerfileParser.Parse(line).Diagnostics, d => d.Id == DiagnosticIds.LineTooLong);
        Assert.Contains(DockerfileParser.Parse("RUN echo a" + line).Diagnostics, d => d.Id == DiagnosticIds.LineTooLong);
    }

    [Fact]
    public void Pathological_lines_do_not_hang_or_overflow_the_stack()
    {
        string onbuilds = string.Concat(Enumerable.Repeat("ONBUILD ", 200_000)) + "RUN x\n";
        string continuations = "RUN a" + string.Concat(Enumerable.Repeat(" \\\n", 200_000)) + "\n";
        string heredocs = "RUN " + string.Concat(Enumerable.Repeat("<<A ", 50_000)) + "\n" + string.Concat(Enumerable.Repeat("A\n", 50_000));
        string json = "CMD [" + string.Concat(Enumerable.Repeat("[", 100_000)) + "\n";

        foreach (string text in new[] { onbuilds, continuations, heredocs, json })
        {
            AssertParsesLosslessly(text);
        }
    }

    // No time limit here: speed is measured by the benchmark (BENCHMARKS.md), not by timed tests. A hang or a stack
    // overflow still fails this test run, which is what these inputs guard against.
    private static DockerfileSyntax AssertParsesLosslessly(string text)
    {
        DockerfileSyntax syntax = DockerfileParser.Parse(text);
        Assert.True(text == syntax.ToFullString(), "the printed text differs from the input");
        return syntax;
    }

    private string Write(string name, byte[] bytes)
    {
        string path = Path.Combine(_directory, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}