using DockerOpt.Core.Shell;
using DockerOpt.TestKit;

using Xunit.Abstractions;

namespace DockerOpt.Core.Tests.Shell;

public class ShellCorpusTests(ITestOutputHelper output)
{
    [CorpusFact]
    public void Every_corpus_RUN_command_round_trips_and_reports_what_is_opaque()
    {
        int total = 0;
        int full = 0;
        Dictionary<string, int> reasons = new(StringComparer.Ordinal);
        foreach (CorpusRunCommands.RunCommand run in CorpusRunCommands.All())
        {
            total++;
            ShellScript script = ShellParser.Parse(run.Command);
            ShellParserTests.AssertLossless(script);
            if (script.IsFullyUnderstood)
            {
                full++;
            }

            foreach (string reason in script.OpaqueParts.Select(static p => p.Reason).Distinct())
            {
                reasons[reason] = reasons.GetValueOrDefault(reason) + 1;
            }
        }

        output.WriteLine($"{total} RUN commands, {full} fully modelled, {total - full} with opaque parts");
        foreach ((string reason, int count) in reasons.OrderByDescending(static r => r.Value).Take(12))
        {
            output.WriteLine($"  {count,5}  {reason}");
        }

        Assert.True(total > 1000, $"only {total} RUN commands found in the corpus");
        Assert.True(full * 100 / total >= 80, $"only {full}/{total} RUN commands fully modelled");
    }

    [CorpusFact]
    public void Raw_dockerfile_source_and_the_shell_command_give_the_same_commands()
    {
        List<string> mismatches = [];
        // Files with the backtick escape run PowerShell or cmd, whose quoting is not the shell's.
        foreach (CorpusRunCommands.RunCommand run in CorpusRunCommands.All().Where(static r => r.Escape == '\\'))
        {
            ShellScript shell = ShellParser.Parse(run.Command);
            ShellScript raw = ShellParser.Parse(run.Raw, ShellParseOptions.ForDockerfileSource(run.Escape));
            ShellParserTests.AssertLossless(raw);
            string expected = Describe(shell);
            string actual = Describe(raw);
            if (expected != actual)
            {
                mismatches.Add($"{run.File}:{run.Line}\n  shell: {expected}\n  raw:   {actual}");
            }
        }

        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches.Take(10)) + $"\n({mismatches.Count} mismatches)");
    }

    private static string Describe(ShellScript script) => string.Join(
        ' ',
        script.Commands.Select(static c => $"{c.Connector}:{c.Simple?.Name?.Value ?? (c.Node as ShellOpaqueCommand)?.Reason}/{c.Simple?.Words.Length}"));
}