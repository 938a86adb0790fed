using System.Text;

namespace DockerOpt.Syntax.Tests;

/// <summary>
/// The round-trip law on inputs nobody wrote by hand: a deterministic generator glues Dockerfile fragments together
/// with mixed line endings, a BOM, tabs, the backtick escape and no final newline; a second one emits noise made of
/// the characters the parser cares about. No input may crash the parser or lose a byte.
/// </summary>
public sealed class GeneratedInputTests
{
    private static readonly string[] Fragments =
    [
        "FROM alpine", "FROM --platform=$P golang:1.22 AS build", "from scratch as x", "RUN apk add curl",
        "RUN a && \\", "  b \\ \t", "# comment", "    # indented comment", "", "   ", "\t", "RUN <<EOF", "RUN <<-EOT cat > /f",
        "\tEOT", "EOF", "COPY <<'A' <<\"B\" /x/", "A", "B", "CMD [\"a\", \"b\"]", "CMD ['a']", "CMD [\"a\", 1]",
        "ENV A=1 B=\"2 3\"", "ENV K v w", "ENV", "LABEL a=b \\", "ARG X Y=1", "ONBUILD RUN x", "ONBUILD", "ONBUILD ONBUILD x",
        "HEALTHCHECK --interval=1s CMD true", "HEALTHCHECK NONE", "HEALTHCHECK", "FOO bar", "\\", "`", "RUN a `",
        "# escape=`", "# syntax=x", "COPY --from=a --chmod=7 a b", "RUN --mount=type=cache,target=/c \"x", "SHELL [\"sh\"]",
        "EXPOSE 80/tcp", "WORKDIR /a b", "USER 0", "VOLUME [\"/v\"]", "STOPSIGNAL 9", "MAINTAINER me", "RUN [", "]",
        "ADD --checksum=sha256:00 http://x/y /z", "RUN echo \\\\", "RUN 3<<X cat <&3", "X", "RUN echo ${A:-b c} <<E", "E",
    ];

    private static readonly string[] Endings = ["\n", "\r\n", "\n", "\r\n", "\r\r\n"];

    [Fact]
    public void Generated_dockerfiles_round_trip_byte_for_byte()
    {
        var random = new Random(20260127);
        for (int i = 0; i < 3000; i++)
        {
            string text = GenerateDockerfile(random);
            AssertRoundTrips(text);
        }
    }

    [Fact]
    public void Random_noise_never_crashes_the_parser_and_round_trips()
    {
        const string alphabet = "\\`#\"'[]{}$<<-=,: \t\r\n\nRUNFROMCOPYONBUILDenvx0123456789\uFEFF\u00A0\u2028é";
        var random = new Random(7);
        for (int i = 0; i < 3000; i++)
        {
            var builder = new StringBuilder();
            int length = random.Next(0, 200);
            for (int j = 0; j < length; j++)
            {
                builder.Append(alphabet[random.Next(alphabet.Length)]);
            }

            AssertRoundTrips(builder.ToString());
        }
    }

    [Fact]
    public void Every_generated_tree_can_be_dumped_written_as_json_and_sniffed()
    {
        var random = new Random(99);
        for (int i = 0; i < 300; i++)
        {
            DockerfileSyntax syntax = DockerfileParser.Parse(GenerateDockerfile(random));

            Assert.NotEmpty(SyntaxTreeDumper.Dump(syntax));
            Assert.StartsWith("{", ParseJsonWriter.ToJson(syntax), StringComparison.Ordinal);
            Assert.Contains(StyleSniffer.Sniff(syntax).NewLine, new[] { "\n", "\r\n" });
        }
    }

    private static string GenerateDockerfile(Random random)
    {
        var builder = new StringBuilder();
        if (random.Next(8) == 0)
        {
            builder.Append('\uFEFF');
        }

        int lines = random.Next(1, 25);
        for (int line = 0; line < lines; line++)
        {
            string fragment = Fragments[random.Next(Fragments.Length)];
            if (random.Next(6) == 0)
            {
                fragment = fragment.Replace(' ', '\t');
            }

            if (random.Next(10) == 0)
            {
                fragment = "  " + fragment;
            }

            builder.Append(fragment);
            if (line < lines - 1 || random.Next(3) != 0)
            {
                builder.Append(Endings[random.Next(Endings.Length)]);
            }
        }

        return builder.ToString();
    }

    private static void AssertRoundTrips(string text)
    {
        DockerfileSyntax syntax = DockerfileParser.Parse(text);
        string? violation = TreeLaws.Violation(syntax);
        Assert.True(violation is null, $"{violation} for input {SyntaxTreeDumper.Quote(text)}");
    }
}