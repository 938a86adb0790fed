using DockerOpt.Core.Shell;
using DockerOpt.Core.Shell.Commands;
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

    [CorpusFact]
    public void Package_manager_invocations_of_the_corpus_are_recognised()
    {
        Dictionary<string, int> counts = new(StringComparer.Ordinal);
        foreach (CorpusRunCommands.RunCommand run in CorpusRunCommands.All())
        {
            foreach (PackageManagerInvocation invocation in CommandRecognizer.PackageManagerInvocations(ShellParser.Parse(run.Command)))
            {
                string key = $"{invocation.Tool} {invocation.Action}";
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }

        foreach ((string key, int count) in counts.OrderByDescending(static c => c.Value))
        {
            output.WriteLine($"{count,6}  {key}");
        }

        // The corpus is full of these; finding few would mean the recognizer lost them.
        Assert.True(counts.GetValueOrDefault("Apt Install") > 500);
        Assert.True(counts.GetValueOrDefault("Apk Install") > 200);
        Assert.True(counts.GetValueOrDefault("Pip Install") > 100);
        Assert.True(counts.GetValueOrDefault("Npm CleanInstall") > 20);
        Assert.True(counts.GetValueOrDefault("Go Build") > 20);
    }

    private static string Describe(ShellScript script) => string.Join(
        ' ',
        script.Commands.Select(static c => $"{c.Connector}:{c.Simple?.Name?.Value ?? (c.Node as ShellOpaqueCommand)?.Reason}/{c.Simple?.Words.Length}"));
}