using System.Collections.Immutable;
using System.Globalization;
using System.Text;

using DockerOpt.Core.Editing;
using DockerOpt.Core.Passes;
using DockerOpt.Core.Shell;
using DockerOpt.Syntax;
using DockerOpt.Transforms.Layers;

namespace DockerOpt.Transforms.Passes;

/// <summary>
/// Consecutive RUNs of a stage become one <c>&amp;&amp;</c> chain: one layer instead of several, and cleanup at the
/// end of the chain then really removes what the chain created. Each RUN ran in its own shell, so the merge keeps
/// that isolation where it matters: a RUN that is not a plain <c>&amp;&amp;</c> chain is grouped as
/// <c>{ a; b; }</c> (a RUN fails exactly when its last command fails, and so does the group), and a RUN that
/// changes the shell's state (<c>cd</c>, <c>export</c>, a bare assignment) runs in a subshell <c>( ... )</c> so the
/// next command does not inherit it.
/// </summary>
public sealed class MergeRunPass : IRewritePass
{
    public const string Id = "merge-run";

    private const string Rule = "DL3059";

    public PassInfo Info { get; } = new(
        Id,
        "Merge consecutive RUNs",
        "Merges consecutive RUN instructions of a stage into one && chain in the file's own continuation style; " +
        "comments between them move inside the chain as comment lines. A RUN that is not a plain && chain is " +
        "grouped as { ...; } so failures still stop the chain, and a RUN whose cd/export would leak into the next " +
        "command runs in a subshell. Skips: different --mount/--network/--security flags, exec-form and heredoc RUNs, " +
        "RUNs with a shell comment, exit/exec/set/trap/background jobs/functions, pragma comments between RUNs, " +
        "non-POSIX shells and Windows stages, and with a SHELL that has -e (errexit) anything but plain && chains.",
        PassCategory.Size,
        PassSafety.Safe,
        [
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
    };

    private enum Wrap
    {
        None,
        Group,
        Subshell,
    }

    public PassResult Run(PassContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var edits = ImmutableArray.CreateBuilder<TextEdit>();
        var findings = ImmutableArray.CreateBuilder<Finding>();
        var environments = RunEnvironment.ForAll(context.Model);
        var chainStyle = ChainStyle.Sniff(context.Syntax, context.Style);

        foreach (var stage in context.Model.Stages)
        {
            var group = new List<RunCommand>();
            for (var i = 0; i < stage.Instructions.Length; i++)
            {
                var instruction = stage.Instructions[i];
                var previous = i > 0 ? stage.Instructions[i - 1] : null;
                if (instruction.Kind != InstructionKind.Run)
                {
                    Flush(context, group, chainStyle, edits, findings);
                    continue;
                }

                var run = RunCommand.TryRead(instruction);
                if (previous is not { Kind: InstructionKind.Run })
                {
                    Flush(context, group, chainStyle, edits, findings);
                    if (run is not null && WhyNotMember(context, run, environments) is null)
                    {
                        group.Add(run);
                    }

                    continue;
                }

                var why = WhyNotJoin(context, group, previous, instruction, run, environments);
                if (why is null)
                {
                    group.Add(run!);
                    continue;
                }

                findings.Add(PassContext.At(Id, instruction, FindingKind.Declined, $"not merged with the RUN at line {context.UserLine(previous)}: {why}"));
                Flush(context, group, chainStyle, edits, findings);
                if (run is not null && WhyNotMember(context, run, environments) is null)
                {
                    group.Add(run);
                }
            }

            Flush(context, group, chainStyle, edits, findings);
        }

        // Every change this pass makes has the meaning of its one hadolint rule.
        return new PassResult(edits.ToImmutable(), [.. findings.Select(f => f.Kind == FindingKind.Declined ? f : f with { HadolintId = Rule })], []);
    }

    private static string? WhyNotMember(PassContext context, RunCommand run, ImmutableDictionary<int, RunEnvironment> environments)
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
        ImmutableDictionary<int, RunEnvironment> environments)
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
            return context.IsIgnored(previous, Rule) ? "a pragma shields that RUN" : $"that RUN cannot be merged ({WhyNotMember(context, RunCommand.TryRead(previous)!, environments) ?? "see above"})";
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
        if (ScriptTraits.WhyNotChainable(tail.Script) is { } tailWhy)
        {
            return "that RUN " + tailWhy["it ".Length..];
        }

        var errexit = environments[instruction.Span.Start].ShellErrexit;
        if (errexit && (WrapFor(tail, isLast: false) == Wrap.Group || !ScriptTraits.IsPlainAndChain(run.Script)))
        {
            return "SHELL sets -e (errexit), which a grouped command would ignore";
        }

        if (ScriptTraits.StartsBackgroundJob(run.Script))
        {
            return "this RUN starts a background job (&)";
        }

        if (WrapFor(run, isLast: true) == Wrap.Group && ScriptTraits.WhyNotChainable(run.Script) is { } groupWhy)
        {
            return "this RUN would need grouping, but " + groupWhy;
        }

        return null;
    }

    // A member that is not a plain && chain keeps its failure semantics inside { ...; }; a member that changes
    // shell state (cwd, variables) for commands after it is isolated in ( ... ), as its own RUN's shell was.
    private static Wrap WrapFor(RunCommand run, bool isLast)
    {
        if (!isLast && ScriptTraits.LeakingStateChange(run.Script) is not null)
        {
            return Wrap.Subshell;
        }

        return ScriptTraits.IsPlainAndChain(run.Script) ? Wrap.None : Wrap.Group;
    }

    private static IEnumerable<SyntaxConstruct> Between(DockerfileSyntax syntax, InstructionSyntax first, InstructionSyntax second)
    {
        var start = syntax.IndexOf(first);
        var end = syntax.IndexOf(second);
        return syntax.Constructs.Skip(start + 1).Take(end - start - 1);
    }

    private static void Flush(PassContext context, List<RunCommand> group, ChainStyle fileStyle, ImmutableArray<TextEdit>.Builder edits, ImmutableArray<Finding>.Builder findings)
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
        var headWrap = WrapFor(head, isLast: false);

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
            var wrap = WrapFor(member, isLast);
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
        var wrapped = group.Select((r, k) => (r, k)).Where(p => WrapFor(p.r, p.k == group.Count - 1) == Wrap.Subshell).Select(p => Ordinal(p.k)).ToList();
        var note = wrapped.Count == 0
            ? string.Empty
            : $"; the {string.Join(", ", wrapped)} RUN{(wrapped.Count == 1 ? " runs" : "s run")} in a subshell so {(wrapped.Count == 1 ? "its" : "their")} cd/export does not reach the commands after it";
        if (moved.Count > 0)
        {
            note += $"; {string.Join(", ", moved.Distinct(StringComparer.Ordinal).Select(c => $"`{c}`"))} now end{(moved.Distinct(StringComparer.Ordinal).Count() == 1 ? "s" : string.Empty)} the chain, so the cleanup also covers what the later RUNs download";
        }

        findings.Add(PassContext.At(Id, head.Instruction, FindingKind.Applied, $"merged this RUN and the {(group.Count == 2 ? "next one" : $"{group.Count - 1} after it")} into one layer{note}"));
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

    private static string Ordinal(int index) => index switch
    {
        0 => "first",
        1 => "second",
        2 => "third",
        _ => (index + 1).ToString(CultureInfo.InvariantCulture) + "th",
    };

    private static string Open(Wrap wrap) => wrap switch
    {
        Wrap.Group => "{ ",
        Wrap.Subshell => "(",
        _ => string.Empty,
    };

    private static string Close(Wrap wrap) => wrap switch
    {
        Wrap.Group => "; }",
        Wrap.Subshell => ")",
        _ => string.Empty,
    };
}