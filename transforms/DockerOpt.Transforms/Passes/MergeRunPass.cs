using System.Collections.Immutable;
using System.Text;

using DockerOpt.Core.Editing;
using DockerOpt.Core.Model;
using DockerOpt.Core.Passes;
using DockerOpt.Core.Shell;
using DockerOpt.Core.Shell.Commands;
using DockerOpt.Syntax;
using DockerOpt.Transforms.Layers;

namespace DockerOpt.Transforms.Passes;

/// <summary>
/// Consecutive RUNs of a stage become one <c>&amp;&amp;</c> chain where that makes the image smaller: a later RUN
/// deletes what an earlier one left in its layer (<c>RUN apt-get install ...</c> then
/// <c>RUN rm -rf /var/lib/apt/lists/*</c>; a download removed two RUNs later), so the bytes never reach a layer; or a
/// RUN that only runs <c>apt-get update</c> is followed by the install it prepares (a cached update layer would
/// install from stale lists). Everything else stays as the author wrote it: fewer layers alone save nothing, and
/// separate RUNs cache separately. Only stages that reach the shipped image count (the layers of the others are thrown
/// away); RUNs separated by a comment (the author's sections) stay apart; a RUN whose cd/export would leak into the
/// next is never wrapped in a subshell to merge it; a dependency install stays apart from the build or test step after
/// it. A RUN that is not a plain <c>&amp;&amp;</c> chain is grouped as <c>{ a; b; }</c> (a RUN fails exactly when its
/// last command fails, and so does the group).
/// </summary>
public sealed class MergeRunPass : IRewritePass
{
    public const string Id = "merge-run";

    private const string Rule = "DL3059";

    public PassInfo Info { get; } = new(
        Id,
        "Merge consecutive RUNs",
        "Merges consecutive RUN instructions of a stage that reaches the shipped image into one && chain where it saves " +
        "bytes: a later RUN deletes what an earlier one left in its layer (package lists and caches, downloads), or a RUN " +
        "that only runs apt-get update is followed by the install it prepares. Written in the file's own continuation " +
        "style; a RUN that is not a plain && chain is grouped as { ...; }. Skips: RUNs that save nothing merged, stages " +
        "whose layers are thrown away, RUNs separated by a comment, a RUN whose cd/export would need a subshell, a RUN " +
        "that assigns a shell variable after other commands (shellcheck would no longer trust it: SC2086), a " +
        "dependency install followed by a build or test step, different --mount/--network/--security flags, exec-form " +
        "and heredoc RUNs, RUNs with a shell comment, exit/exec/set/trap/background jobs/functions, pragma comments " +
        "between RUNs, non-POSIX shells and Windows stages, and with a SHELL that has -e (errexit) anything but plain && " +
        "chains.",
        PassCategory.Size,
        PassSafety.Safe,
        [
            "RUNs whose merge saves no bytes (nothing a later RUN deletes, no lone apt-get update)",
            "stages that do not reach the shipped image",
            "a comment between the RUNs (the author's sections)",
            "cd/export that would need a subshell; a dependency install before a build or test step",
            "a RUN that assigns a shell variable, after another RUN",
            "different --mount, --network or --security flags",
            "exec-form or heredoc RUNs",
            "exit, exec, set, trap, background jobs, shell functions, shell comments",
            "pragma comments between the RUNs",
            "SHELL changes, non-POSIX shells, Windows stages",
        ],
        "RUN apt-get update\nRUN apt-get install -y curl\n",
        "RUN apt-get update \\\n    && apt-get install -y curl\n",
        [Rule])
    {
        Roles = RolePolicy.Everywhere("merged RUNs build the same files in fewer layers, so it applies to every kind of image"),

        // A cleanup package-hygiene adds to a later RUN can make a merge save bytes.
        RunsAgainAfterLaterEdits = true,
    };

    private enum Wrap
    {
        None,
        Group,
    }

    public PassResult Run(PassContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var edits = ImmutableArray.CreateBuilder<TextEdit>();
        var findings = ImmutableArray.CreateBuilder<Finding>();
        var environments = RunEnvironment.ForAll(context.Model);
        var chainStyle = ChainStyle.Sniff(context.Syntax, context.Style);

        foreach (var stage in context.Model.Stages.Where(context.Model.Ships))
        {
            var instructions = stage.Instructions;
            for (var i = 0; i < instructions.Length; i++)
            {
                if (instructions[i].Kind != InstructionKind.Run)
                {
                    continue;
                }

                var last = i;
                while (last + 1 < instructions.Length && instructions[last + 1].Kind == InstructionKind.Run)
                {
                    last++;
                }

                if (last > i)
                {
                    MergeWhereItSaves(context, instructions[i..(last + 1)], environments, chainStyle, edits, findings);
                }

                i = last;
            }
        }

        // Every change this pass makes has the meaning of its one hadolint rule.
        return new PassResult(edits.ToImmutable(), [.. findings.Select(f => f.Kind == FindingKind.Declined ? f : f with { HadolintId = Rule })], []);
    }

    // One stretch of consecutive RUNs: the spans whose merge saves bytes, each merged whole or declined with its reason.
    private static void MergeWhereItSaves(
        PassContext context,
        ImmutableArray<InstructionSyntax> stretch,
        IReadOnlyDictionary<int, RunEnvironment> environments,
        ChainStyle chainStyle,
        ImmutableArray<TextEdit>.Builder edits,
        ImmutableArray<Finding>.Builder findings)
    {
        var runs = stretch.Select(context.Model.RunOf).ToList();
        foreach (var (start, end, saving) in SavingSpans(runs))
        {
            var line = context.UserLine(stretch[start]);
            var group = new List<RunCommand>();
            if (WhyNotMember(context, runs[start]!, environments) is { } headWhy)
            {
                findings.Add(PassContext.At(Id, stretch[start], FindingKind.Declined, $"not merged with the RUNs after it, although merged, {saving.Would(line)}: {headWhy}"));
                continue;
            }

            group.Add(runs[start]!);
            for (var k = start + 1; k <= end; k++)
            {
                var why = WhyNotJoin(context, group, stretch[k - 1], stretch[k], runs[k], environments) ?? WhyApart(context, group, stretch[k - 1], stretch[k], runs[k]!);
                if (why is not null)
                {
                    findings.Add(PassContext.At(Id, stretch[k], FindingKind.Declined, $"not merged with the RUN at line {context.UserLine(stretch[k - 1])}, although merged, {saving.Would(line)}: {why}"));
                    group.Clear();
                    break;
                }

                group.Add(runs[k]!);
            }

            Flush(context, group, saving.Now(line), chainStyle, edits, findings);
        }
    }

    /// <summary>
    /// The spans of a stretch (first and last index) whose merge makes the image smaller, with the reason, in order and
    /// without overlaps: from a RUN that leaves something in its layer to the later RUN that deletes it, and a RUN that
    /// only runs apt-get update with the install after it.
    /// </summary>
    private static List<(int Start, int End, Saving Saving)> SavingSpans(List<RunCommand?> runs)
    {
        var footprints = runs.Select(r => r is null ? null : LayerFootprint.Of(r)).ToList();
        var leftovers = LeftoverIndex.Of(footprints);
        var spans = new List<(int Start, int End, Saving Saving)>();
        for (var k = 1; k < runs.Count; k++)
        {
            // The earliest RUN whose leftovers this one deletes, looked up rather than asked of every earlier RUN.
            if (footprints[k] is { } later && leftovers.FirstDeletedBy(later, k) is >= 0 and var i
                && later.Deletes(footprints[i]!) is { Count: > 0 } deleting)
            {
                spans.Add((i, k, new Saving(string.Join(", ", deleting.Select(c => $"`{c}`")), deleting.Count == 1)));
            }

            if (runs[k - 1] is { } update && IsLoneAptUpdate(update) && runs[k] is { } install && InstallsWithApt(install))
            {
                spans.Add((k - 1, k, new Saving(null, true)));
            }
        }

        var merged = new List<(int Start, int End, Saving Saving)>();
        foreach (var span in spans.OrderBy(s => s.Start).ThenByDescending(s => s.End))
        {
            if (merged.Count > 0 && span.Start <= merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, span.End), merged[^1].Saving);
            }
            else
            {
                merged.Add(span);
            }
        }

        return merged;
    }

    /// <summary>What merging a span saves: a later RUN's cleanup <see cref="Commands"/>, or (null) a lone apt-get update.</summary>
    private sealed record Saving(string? Commands, bool OneCommand)
    {
        /// <summary>For the applied finding: what the merged RUN now does.</summary>
        public string Now(int firstLine) => Commands is null
            ? "apt-get update now runs with the install it prepares (a cached update layer would install from stale lists)"
            : $"{Commands} now delete{(OneCommand ? "s" : string.Empty)} what the RUN at line {firstLine} leaves behind before the layer is written (in separate RUNs those bytes stayed in the image)";

        /// <summary>For a declined merge: what merging would have done.</summary>
        public string Would(int firstLine) => Commands is null
            ? "apt-get update would run with the install it prepares"
            : $"{Commands} would delete what the RUN at line {firstLine} leaves behind before the layer is written";
    }

    private static bool IsLoneAptUpdate(RunCommand run) =>
        run.Script.IsFullyUnderstood && run.Script.SimpleCommands.Any()
        && run.Script.SimpleCommands.All(c => PackageInvocation.Read(run, c, PackageCaches.Apt) is { Verb: "update" });

    private static bool InstallsWithApt(RunCommand run) =>
        run.Script.SimpleCommands.Any(c => PackageInvocation.Read(run, c, PackageCaches.Apt) is { Verb: "install" or "upgrade" or "dist-upgrade" or "full-upgrade" });

    // What keeps two RUNs apart although merging them would save bytes: the author's sections, state that would need
    // a subshell, and a dependency install before the build or test step that the install's own layer keeps cached.
    private static string? WhyApart(PassContext context, List<RunCommand> group, InstructionSyntax previous, InstructionSyntax instruction, RunCommand run)
    {
        if (Between(context.Syntax, previous, instruction).OfType<CommentSyntax>().Any())
        {
            return "a comment between them starts another section of the file";
        }

        if (ScriptTraits.LeakingStateChange(group[^1].Script) is { } state)
        {
            return $"that RUN changes the shell's state ({state}), which only a subshell would keep from the next command";
        }

        if (BuildSteps.FirstBuildOrTest(run.Script) is { } step && group.Select(g => BuildSteps.FirstInstall(g.Script)).FirstOrDefault(i => i is not null) is { } install)
        {
            return $"`{step}` would share a layer with the dependency install `{install}`, which then reruns on every change and is lost when the step fails";
        }

        return null;
    }

    private static string? WhyNotMember(PassContext context, RunCommand run, IReadOnlyDictionary<int, RunEnvironment> environments)
    {
        if (context.IsIgnored(run.Instruction, Rule))
        {
            return "a pragma shields it";
        }

        if (environments[run.Instruction.Span.Start].WhyNotPosix is { } notPosix)
        {
            return notPosix;
        }

        var tail = run.Instruction.Source.Text[run.CommandEnd..run.Instruction.Span.End];
        return tail.Trim().Length > 0 ? "it ends with an empty continuation or comment lines" : null;
    }

    private static string? WhyNotJoin(
        PassContext context,
        List<RunCommand> group,
        InstructionSyntax previous,
        InstructionSyntax instruction,
        RunCommand? run,
        IReadOnlyDictionary<int, RunEnvironment> environments)
    {
        if (RunCommand.WhyNot(previous) is { } previousWhy)
        {
            return $"that RUN {previousWhy}";
        }

        if (RunCommand.WhyNot(instruction) is { } why)
        {
            return $"this RUN {why}";
        }

        if (group.Count == 0 || group[^1].Instruction != previous)
        {
            return context.IsIgnored(previous, Rule) ? "a pragma shields that RUN" : $"that RUN cannot be merged ({WhyNotMember(context, context.Model.RunOf(previous)!, environments) ?? "see above"})";
        }

        if (WhyNotMember(context, run!, environments) is { } memberWhy)
        {
            return memberWhy.Replace("it ", "this RUN ", StringComparison.Ordinal);
        }

        var head = group[0];
        if (!string.Equals(head.FlagsKey, run!.FlagsKey, StringComparison.Ordinal))
        {
            return "different --mount/--network/--security flags";
        }

        if (Between(context.Syntax, previous, instruction).OfType<CommentSyntax>().Any(RunEditing.IsPragma))
        {
            return "a pragma comment between them belongs to this RUN";
        }

        var tail = group[^1];

        // shellcheck trusts a variable assigned at the start of a script; after other commands every unquoted use
        // of it becomes an SC2086 finding.
        if (ScriptTraits.SetsVariable(run.Script) is { } assigned)
        {
            return $"this RUN sets a shell variable (`{assigned}`); merged after other commands, shellcheck would no longer trust its value (SC2086)";
        }

        if (ScriptTraits.WhyNotChainable(tail.Script) is { } tailWhy)
        {
            return "that RUN " + tailWhy["it ".Length..];
        }

        var errexit = environments[instruction.Span.Start].ShellErrexit;
        if (errexit && (WrapFor(tail) == Wrap.Group || !ScriptTraits.IsPlainAndChain(run.Script)))
        {
            return "SHELL sets -e (errexit), which a grouped command would ignore";
        }

        if (ScriptTraits.StartsBackgroundJob(run.Script))
        {
            return "this RUN starts a background job (&)";
        }

        if (WrapFor(run) == Wrap.Group && ScriptTraits.WhyNotChainable(run.Script) is { } groupWhy)
        {
            return "this RUN would need grouping, but " + groupWhy;
        }

        return null;
    }

    // A member that is not a plain && chain keeps its failure semantics inside { ...; }.
    private static Wrap WrapFor(RunCommand run) => ScriptTraits.IsPlainAndChain(run.Script) ? Wrap.None : Wrap.Group;

    private static IEnumerable<SyntaxConstruct> Between(DockerfileSyntax syntax, InstructionSyntax first, InstructionSyntax second)
    {
        var start = syntax.IndexOf(first);
        var end = syntax.IndexOf(second);
        return syntax.Constructs.Skip(start + 1).Take(end - start - 1);
    }

    private static void Flush(PassContext context, List<RunCommand> group, string reason, ChainStyle fileStyle, ImmutableArray<TextEdit>.Builder edits, ImmutableArray<Finding>.Builder findings)
    {
        if (group.Count < 2)
        {
            group.Clear();
            return;
        }

        var head = group[0];
        var style = fileStyle.For(head.Instruction);
        var text = context.Text;
        var builder = new StringBuilder();
        var headWrap = WrapFor(head);

        // Package-cache cleanup that ends an earlier RUN (yum clean all, rm -rf /var/lib/apt/lists/*) moves to the end of
        // the merged chain: left in the middle it would run before the later RUNs fill the cache again.
        var canMove = ScriptTraits.WhyNotChainable(group[^1].Script) is null;
        var moved = new List<string>();
        int? MoveCleanup(RunCommand member, Wrap wrap)
        {
            if (!canMove || wrap != Wrap.None || TrailingCleanup(member) is not { } cleanup)
            {
                return null;
            }

            moved.AddRange(cleanup.Commands);
            return cleanup.Start;
        }

        var replaceStart = MoveCleanup(head, headWrap) ?? head.ContentEnd;
        if (headWrap != Wrap.None)
        {
            edits.Add(TextEdit.Insert(head.CommandStart, Open(headWrap)));
            builder.Append(Close(headWrap));
        }

        for (var k = 1; k < group.Count; k++)
        {
            var member = group[k];
            var isLast = k == group.Count - 1;
            var comments = Between(context.Syntax, group[k - 1].Instruction, member.Instruction).OfType<CommentSyntax>().Select(c => c.Comment.Text).ToList();
            var wrap = WrapFor(member);
            var end = isLast ? (wrap == Wrap.None ? member.CommandEnd : member.ContentEnd) : MoveCleanup(member, wrap) ?? member.ContentEnd;
            builder.Append(style.ContinuedWithComments(comments))
                .Append(Open(wrap))
                .Append(text, member.CommandStart, end - member.CommandStart)
                .Append(Close(wrap));
        }

        // A cleanup the last RUN already ends with is not repeated.
        var ending = TrailingCleanup(group[^1])?.Commands ?? [];
        var appended = moved.Distinct(StringComparer.Ordinal).Where(c => !ending.Contains(c, StringComparer.Ordinal)).ToList();
        if (appended.Count > 0)
        {
            builder.Append(style.ContinuedWithComments([])).Append(string.Join(style.Continued, appended));
        }

        var last = group[^1].Instruction;
        edits.Add(TextEdit.Replace(TextSpan.FromBounds(replaceStart, last.Span.End), builder.ToString()));
        // The merged RUNs are named by position, not line: after the passes before this one moved them, their lines
        // here are not the user's, and the finding's location already names the first of them.
        var note = string.Empty;
        if (moved.Count > 0)
        {
            note = $"; {string.Join(", ", moved.Distinct(StringComparer.Ordinal).Select(c => $"`{c}`"))} now end{(moved.Distinct(StringComparer.Ordinal).Count() == 1 ? "s" : string.Empty)} the chain, so the cleanup also covers what the later RUNs download";
        }

        findings.Add(PassContext.At(Id, head.Instruction, FindingKind.Applied, $"merged this RUN and the {(group.Count == 2 ? "next one" : $"{group.Count - 1} after it")} into one layer: {reason}{note}"));
        group.Clear();
    }

    /// <summary>
    /// The package-cache cleanup commands that end a RUN's &amp;&amp; chain (after at least one other command), as written, and
    /// the source offset where they start (with the operator before them); null when it does not end with one.
    /// </summary>
    private static (int Start, List<string> Commands)? TrailingCleanup(RunCommand run)
    {
        var units = RunEditing.TopLevelUnits(run.Script);
        var first = units.Count;
        while (first > 1 && IsCacheCleanup(units[first - 1].Pipeline) && units[first - 1].Connector == ShellConnector.And)
        {
            first--;
        }

        if (first == units.Count)
        {
            return null;
        }

        var commands = units.Skip(first).Select(u => ((ShellSimpleCommand)u.Pipeline.Commands[0]).Text).ToList();
        return (run.SourceEnd(units[first - 1].Span.End), commands);
    }

    private static bool IsCacheCleanup(ShellPipeline pipeline) =>
        pipeline.Commands.Length == 1 && pipeline.Commands[0] is ShellSimpleCommand simple
        && Cleanup.Read(simple) is { Caches.Count: > 0, Paths.Count: 0 };

    private static string Open(Wrap wrap) => wrap switch
    {
        Wrap.Group => "{ ",
        _ => string.Empty,
    };

    private static string Close(Wrap wrap) => wrap switch
    {
        Wrap.Group => "; }",
        _ => string.Empty,
    };
}