using System.Runtime.CompilerServices;

using DockerOpt.Core.Editing;
using DockerOpt.Core.Model;
using DockerOpt.Core.Shell;
using DockerOpt.Core.Shell.Commands;

namespace DockerOpt.Transforms.Layers;

/// <summary>
/// apt installs that have no <c>apt-get update</c> before them in the same RUN (they would install from lists left
/// by an earlier layer, stale once that layer is cached), and the edit that adds one. Shared by cache-mounts (with
/// /var/lib/apt mounted the earlier lists are hidden, so it must add the update itself) and package-hygiene.
/// </summary>
internal static class AptUpdates
{
    // Two passes ask this of each apt RUN up to five times: read once per RUN (issue 14).
    private static readonly ConditionalWeakTable<RunCommand, Reading> PerRun = [];

    /// <summary>The installs lacking an update, or a reason when one of them cannot get one.</summary>
    public static (IReadOnlyList<PackageInvocation> Missing, string? Why) Find(RunCommand run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var reading = PerRun.GetValue(run, static r => Read(r));
        return (reading.Missing, reading.Why);
    }

    private sealed record Reading(IReadOnlyList<PackageInvocation> Missing, string? Why);

    private static Reading Read(RunCommand run)
    {
        var units = RunEditing.TopLevelUnits(run.Script);
        var missing = new List<PackageInvocation>();
        var sawUpdate = false;
        foreach (var entry in run.Script.Commands)
        {
            if (entry.Simple is not { } simple || PackageInvocation.Read(run, simple, PackageCaches.Apt) is not { } invocation)
            {
                continue;
            }

            if (invocation.Verb == "update")
            {
                sawUpdate = true;
                continue;
            }

            if (sawUpdate || invocation.Verb is not ("install" or "upgrade" or "dist-upgrade" or "full-upgrade" or "build-dep" or "reinstall" or "source"))
            {
                continue;
            }

            var unit = units.IndexOf(simple.Span);
            if (entry.Depth > 0 || unit < 0 || entry.Connector is not (ShellConnector.None or ShellConnector.And or ShellConnector.Semicolon or ShellConnector.Newline))
            {
                return new Reading([], $"`{simple.Text}` has no apt-get update before it and sits where one cannot be added");
            }

            missing.Add(invocation);
            sawUpdate = true;
        }

        return new Reading(missing, null);
    }

    /// <summary>
    /// Inserts <c>apt-get update</c> (with the install's own prefix such as sudo, and its program's folder; an
    /// <c>apt install</c> gets <c>apt-get update</c> too: the same lists, and <c>apt</c> in a script is what hadolint's
    /// DL3027 reports) before an install, joined with
    /// <c>&amp;&amp;</c> on a continued line in the file's chain style (one line holding <c>a &amp;&amp; b</c> is what
    /// tally's newline-per-chained-call reports).
    /// </summary>
    public static TextEdit Insert(RunCommand run, PackageInvocation install, ChainStyle fileStyle)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(install);
        ArgumentNullException.ThrowIfNull(fileStyle);
        var words = install.Command.Words;
        var program = words[install.ProgramIndex].Text;
        if (program == "apt" || program.EndsWith("/apt", StringComparison.Ordinal))
        {
            program += "-get";
        }

        var prefix = string.Join(' ', words.Take(install.ProgramIndex).Select(w => w.Text).Append(program)) + " update" + fileStyle.For(run.Instruction).Continued;
        var start = install.Command.Assignments.IsEmpty ? words[0].Span.Start : install.Command.Span.Start;
        return TextEdit.Insert(run.SourceSpan(new ShellSpan(start, 1)).Start, prefix);
    }
}