namespace DockerOpt.Syntax.Tests;

public sealed class StyleSnifferTests
{
    [Fact]
    public void I_can_sniff_a_crlf_lower_case_file_with_tab_indented_continuations()
    {
        DockerfileStyle style = StyleSniffer.Sniff(Parse.Text("from a\r\nrun x \\\r\n\t&& y \\\r\n\t&& z\r\ncopy . /\r\nRUN upper"));

        Assert.Equal(("\r\n", KeywordCase.Lower, "\t", '\\', false), (style.NewLine, style.KeywordCase, style.ContinuationIndent, style.EscapeChar, style.EndsWithNewLine));
        Assert.Equal("run", style.FormatKeyword("RUN"));
        Assert.Equal(" \\\r\n\t", style.LineContinuation);
    }

    [Fact]
    public void I_can_sniff_the_backtick_escape_and_the_usual_style()
    {
        DockerfileStyle style = StyleSniffer.Sniff(Parse.Text("# escape=`\nFROM a\nRUN x `\n  && y\n"));

        Assert.Equal(("\n", KeywordCase.Upper, "  ", '`', true), (style.NewLine, style.KeywordCase, style.ContinuationIndent, style.EscapeChar, style.EndsWithNewLine));
    }

    [Fact]
    public void A_file_without_evidence_gets_the_default_style()
    {
        Assert.Equal(DockerfileStyle.Default, StyleSniffer.Sniff(DockerfileParser.Parse(string.Empty)));
    }
}