using DockerOpt.Core.Editing;
using DockerOpt.Core.Rewriting;

namespace DockerOpt.Core.Tests.Rewriting;

/// <summary>Findings on rewritten text are reported on lines of the file the user actually has.</summary>
public sealed class LineMapTests
{
    [Theory]
    [InlineData("FROM python:3.12\nCMD python app.py\n")]
    [InlineData("FROM python:3.12\nCMD python app.py")]
    [InlineData("FROM python:3.12\r\nCMD python app.py\r\n")]
    public void A_stage_appended_after_the_last_line_is_reported_on_the_last_line_not_on_one_past_it(string original)
    {
        // As multi-stage does: a runtime stage added at the end of the file, where later passes report findings.
        var appended = original.EndsWith('\n') ? "FROM python:3.12-slim\nCMD [\"python\", \"app.py\"]\n" : "\nFROM python:3.12-slim\n";
        var edits = new[] { TextEdit.Insert(original.Length, appended) };
        var rewritten = EditApplier.Apply(original, edits);
        var map = LineMap.FromEdits(original, rewritten, edits);

        var lines = rewritten.Split('\n').Length;
        for (var line = 3; line < lines; line++)
        {
            Assert.Equal(2, map.ToOldLine(line));
        }
    }

    [Fact]
    public void Lines_before_and_after_an_edit_keep_their_own_numbers()
    {
        const string Original = "FROM debian\nRUN a\nRUN b\nCMD x\n";
        var edits = new[] { TextEdit.Replace(new Syntax.TextSpan(12, 12), "RUN a && b\n") };
        var rewritten = EditApplier.Apply(Original, edits);
        var map = LineMap.FromEdits(Original, rewritten, edits);

        Assert.Equal("FROM debian\nRUN a && b\nCMD x\n", rewritten);
        Assert.Equal(1, map.ToOldLine(1));
        Assert.Equal(2, map.ToOldLine(2));
        Assert.Equal(4, map.ToOldLine(3));
    }
}