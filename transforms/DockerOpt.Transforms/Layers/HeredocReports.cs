using System.Collections.Immutable;

using DockerOpt.Core.Model;
using DockerOpt.Core.Shell;
using DockerOpt.Syntax;
using DockerOpt.Transforms.Ecosystems;

namespace DockerOpt.Transforms.Layers;

/// <summary>
/// How many reports tally's prefer-run-heredoc (npm @wharflab/tally-linux-x64 0.45.0, default configuration) makes on a
/// group of RUNs, so that a pass can tell whether the commands it adds make the peer linter complain more (issue 9).
/// Measured on 0.45.0: a group is consecutive shell-form RUNs with the same --mount flags (other flags, comments and
/// blank lines do not split it; an exec-form RUN or any other instruction does). It is reported once, at its first RUN,
/// when it has two RUNs or more and three commands or more; any RUN of three commands or more is reported at its own
/// line; one report per line. Commands are counted as &amp;&amp;- or ;-separated pipelines; a || chain counts once.
/// </summary>
internal static class HeredocReports
{
    /// <summary>tally's default min-commands.</summary>
    public const int MinCommands = 3;

    /// <summary>The commands tally counts in a RUN (1 for a RUN whose script this tool does not read).</summary>
    public static int CommandCount(DockerfileModel model, InstructionSyntax run) =>
        RunScripts.Parse(model, run) is { } script ? TopLevelUnits.Of(script).Count(u => u.Connector != ShellConnector.Or) : 1;

    /// <summary>What tally reads of one instruction: its group key (null ends a group) and its command count.</summary>
    public static (string? Key, int Count) Slot(DockerfileModel model, InstructionSyntax instruction) =>
        (GroupKey(instruction), CommandCount(model, instruction));

    /// <summary>
    /// True when instructions read as <paramref name="inserted"/> (see <see cref="Slot"/>), put before body[position],
    /// make tally report more of the stage. Reads the whole stage: for a pass's one insertion per file.
    /// </summary>
    public static bool InsertingRises(
        DockerfileModel model, ImmutableArray<InstructionSyntax> body, int position, params (string? Key, int Count)[] inserted)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(inserted);
        var slots = body.Select(i => Slot(model, i)).ToList();
        var after = slots.ToList();
        after.InsertRange(position, inserted);
        return Reports(after) > Reports(slots);
    }

    /// <summary>The reports tally makes on one group, given each RUN's command count.</summary>
    public static int Reports(IReadOnlyList<int> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var perRun = counts.Count(c => c >= MinCommands);
        var groupReported = counts.Count >= 2 && counts.Sum() >= MinCommands;
        return perRun + (groupReported && counts[0] < MinCommands ? 1 : 0);
    }

    /// <summary>
    /// True when body[index], a RUN that gets <paramref name="before"/> commands more (or fewer) anyway, makes tally
    /// report more when it gets <paramref name="after"/> more instead. Instructions <paramref name="removed"/> says the
    /// same pass deletes are read as gone (their neighbours meet). Reads at most two RUNs on each side: with two others
    /// in the group it is reported either way, so only the RUN's own line can change (a group of 100,000 RUNs costs no
    /// more per RUN than a group of five).
    /// </summary>
    public static bool Rises(
        DockerfileModel model, ImmutableArray<InstructionSyntax> body, int index, int before, int after, Func<InstructionSyntax, bool>? removed = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (index < 0 || index >= body.Length || GroupKey(body[index]) is not { } key)
        {
            return false;
        }

        var earlier = Neighbours(body, index, -1, key, removed);
        var later = Neighbours(body, index, +1, key, removed);
        var counts = Enumerable.Reverse(earlier).Append(body[index]).Concat(later).Select(run => CommandCount(model, run)).ToImmutableArray();
        var at = earlier.Count;
        var own = counts[at];
        return Reports(counts.SetItem(at, Math.Max(1, own + after))) > Reports(counts.SetItem(at, Math.Max(1, own + before)));
    }

    // Up to two RUNs of the same group next to body[index] in one direction, nearest first.
    private static List<InstructionSyntax> Neighbours(
        ImmutableArray<InstructionSyntax> body, int index, int step, string key, Func<InstructionSyntax, bool>? removed)
    {
        var found = new List<InstructionSyntax>(2);
        for (var i = index + step; i >= 0 && i < body.Length && found.Count < 2; i += step)
        {
            if (removed?.Invoke(body[i]) == true)
            {
                continue;
            }

            if (GroupKey(body[i]) != key)
            {
                break;
            }

            found.Add(body[i]);
        }

        return found;
    }

    /// <summary>
    /// The key tally groups a RUN by: its --mount flags (as BuildKit reads them, in a fixed order); null for an
    /// instruction that ends a group (not a shell-form RUN).
    /// </summary>
    public static string? GroupKey(InstructionSyntax instruction)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        if (instruction.Kind != InstructionKind.Run || instruction.Arguments is ExecFormArguments)
        {
            return null;
        }

        // Most RUNs have no flags: their key is the empty one, without sorting nothing (asked of every RUN, often twice).
        return instruction.Flags.IsEmpty ? string.Empty : GroupKey(instruction.Flags.Where(f => f.Name == "mount").Select(f => f.BuildKitText));
    }

    /// <summary>The group key of a RUN with these --mount flags (each as <c>--mount=...</c>).</summary>
    public static string GroupKey(IEnumerable<string> mounts) => string.Join('\n', mounts.Order(StringComparer.Ordinal));

    /// <summary>
    /// The reports tally makes over consecutive instructions, given each one's group key (null: not a shell-form RUN,
    /// which ends a group) and command count.
    /// </summary>
    public static int Reports(IReadOnlyList<(string? Key, int Count)> slots)
    {
        ArgumentNullException.ThrowIfNull(slots);
        var reports = 0;
        var start = 0;
        while (start < slots.Count)
        {
            var end = start + 1;
            while (end < slots.Count && slots[start].Key is not null && slots[end].Key == slots[start].Key)
            {
                end++;
            }

            if (slots[start].Key is not null)
            {
                reports += Reports(slots.Skip(start).Take(end - start).Select(s => s.Count).ToList());
            }

            start = end;
        }

        return reports;
    }
}