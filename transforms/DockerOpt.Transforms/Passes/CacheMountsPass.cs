using System.Collections.Immutable;
using System.Text;

using DockerOpt.Core.BuildContext;
using DockerOpt.Core.Editing;
using DockerOpt.Core.Model;
using DockerOpt.Core.Model.Roles;
using DockerOpt.Core.Passes;
using DockerOpt.Core.Shell;
using DockerOpt.Core.Shell.Commands;
using DockerOpt.Syntax;
using DockerOpt.Transforms.ExecForm;
using DockerOpt.Transforms.Layers;

namespace DockerOpt.Transforms.Passes;

/// <summary>
/// Adds BuildKit cache mounts (<c>RUN --mount=type=cache,target=...</c>) to RUNs that call package managers, so
/// downloads are reused across builds and never stored in a layer. Where a cache mount makes a cleanup unnecessary
/// (apt lists removal, <c>apt-get clean</c>, <c>--no-cache-dir</c>, <c>npm cache clean --force</c>) the cleanup is
/// removed in the same edit: the result never has both (and an <c>rm</c> of a mount point would fail the build).
/// </summary>
public sealed class CacheMountsPass : IRewritePass
{
    public const string Id = "cache-mounts";

    private const string PipRule = "DL3042";

    public PassInfo Info { get; } = new(
        Id,
        "Cache mounts for package managers",
        "Adds BuildKit cache mounts to RUNs that run apt (its package lists, /var/lib/apt/lists, sharing=locked; the " +
        "image's apt configuration stays as it was, so Debian's docker-clean hook still deletes downloaded .debs), pip, " +
        "npm, yarn 1, pnpm, go (modules and build cache), cargo, maven, gradle, nuget, composer and gem (ruby images), and " +
        "removes the cleanup the mount makes unnecessary. Needs BuildKit: skips the file when its Cloud Build configuration builds it " +
        "with the legacy builder. Skips: RUNs as a non-root USER, exec-form and " +
        "heredoc RUNs, existing mounts on the same path, a tool whose cache the file already sets up its own way (its own " +
        "cache mount, a symbolic link, a cache option or configuration), ENV that relocates a cache to a non-literal path " +
        "or switches it off, Yarn 2+, cleanup it cannot remove, RUNs that empty the mounted cache themselves (apt-get " +
        "dist-clean), apt installs without apt-get update in the same RUN, and for apt/go/cargo/maven/gradle/nuget (whose " +
        "cache is what later commands read) the whole file when any RUN using them cannot be mounted, or " +
        "CMD/ENTRYPOINT/COPY --from needs it.",
        PassCategory.BuildSpeed,
        PassSafety.Safe,
        [
            "non-root USER (the cache would be in another home)",
            "exec-form and heredoc RUNs",
            "an existing mount on the same path",
            "a cache the file sets up its own way",
            "RUNs that empty the mounted cache themselves (apt-get dist-clean)",
            "cache switched off or moved to a non-literal path by ENV",
            "Yarn 2+ (its cache can be the install)",
            "apt install without apt-get update in the same RUN",
            "managers whose cache later commands read, when one of their RUNs cannot be mounted",
            "files a Cloud Build configuration builds with the legacy builder (no DOCKER_BUILDKIT=1, no buildx)",
        ],
        "RUN pip install --no-cache-dir -r requirements.txt\n",
        "RUN --mount=type=cache,target=/root/.cache/pip \\\n    pip install -r requirements.txt\n",
        [PipRule])
    {
        Roles = RolePolicy.Everywhere("a cache mount keeps downloads out of the image and leaves its content as it was, so it applies to every kind of image"),
    };

    public PassResult Run(PassContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var environments = RunEnvironment.ForAll(context.Model);
        var chainStyle = ChainStyle.Sniff(context.Syntax, context.Style);
        var findings = ImmutableArray.CreateBuilder<Finding>();
        var plans = new List<RunPlan>();
        var fileWide = new Dictionary<PackageCache, string>(CacheSetups.Find(context, environments, includeMounts: true));
        var yarn = YarnFlavours.Detect(context.BuildContext, context.Text);

        foreach (var stage in context.Model.Stages)
        {
            foreach (var instruction in stage.Instructions)
            {
                if (instruction.Kind is InstructionKind.Cmd or InstructionKind.Entrypoint or InstructionKind.Healthcheck)
                {
                    var runs = WhatItRuns(instruction);
                    foreach (var manager in PackageCaches.All.Where(m => m.CacheIsInstall && TextMentions.MentionsManager(runs, m)))
                    {
                        fileWide.TryAdd(manager, $"{instruction.KeywordUpper} at line {context.UserLine(instruction)} runs {manager.Id} in the image, which would miss what the cache holds");
                    }

                    continue;
                }

                if (instruction.Kind is InstructionKind.Copy or InstructionKind.Add && instruction.GetFlag("from") is not null)
                {
                    foreach (var manager in PackageCaches.All.Where(m => m.ProposeMount))
                    {
                        if (manager.Mounts.Any(c => instruction.FullText.Contains(c.Target, StringComparison.Ordinal)))
                        {
                            fileWide.TryAdd(manager, $"COPY --from at line {context.UserLine(instruction)} copies the {manager.Id} cache");
                        }
                    }

                    continue;
                }

                if (instruction.Kind != InstructionKind.Run)
                {
                    continue;
                }

                var run = context.Model.RunOf(instruction);
                if (run is null)
                {
                    foreach (var manager in PackageCaches.All.Where(m => m.ProposeMount && TextMentions.MentionsManager(instruction.FullText, m)))
                    {
                        var why = $"the RUN at line {context.UserLine(instruction)} {RunCommand.WhyNot(instruction)}";
                        if (manager.CacheIsInstall)
                        {
                            fileWide.TryAdd(manager, why + $" and uses {manager.Id}");
                        }
                    }

                    continue;
                }

                var plan = PlanRun(context, run, environments[instruction.Span.Start], yarn, fileWide, findings, ThrownAway(context, stage));
                if (plan is not null)
                {
                    plans.Add(plan);
                }
            }
        }

        var edits = ImmutableArray.CreateBuilder<TextEdit>();
        if (plans.Count > 0 && LegacyBuilderEvidence.Find(context.BuildContext, context.DockerfilePath, context.Syntax) is { } legacy)
        {
            findings.AddRange(plans.Select(p => PassContext.At(Id, p.Run.Instruction, FindingKind.Declined, $"no cache mount: {legacy}")));
            return new PassResult(edits.ToImmutable(), findings.ToImmutable(), []);
        }

        // Keyed by reference: a record's hash reads every token's text, and each RUN is looked up several times.
        var kept = new Dictionary<InstructionSyntax, (RunPlan Plan, List<PlannedMount> Mounts)>(ReferenceEqualityComparer.Instance);
        foreach (var plan in plans)
        {
            var blocked = plan.Mounts.Where(m => fileWide.ContainsKey(m.Manager)).ToList();
            foreach (var mount in blocked)
            {
                findings.Add(PassContext.At(Id, plan.Run.Instruction, FindingKind.Declined, $"no {mount.Manager.Id} cache mount: {fileWide[mount.Manager]}"));
            }

            var mounts = plan.Mounts.Except(blocked).ToList();
            if (mounts.Count > 0)
            {
                kept[plan.Run.Instruction] = (plan, mounts);
            }
        }

        var splitting = SplittingRunGroups(context, kept);
        // A flag on a line of its own is a line more; where those lines would carry the file past tally's max-lines, the
        // flags go on the RUN's own line instead.
        var flagLines = kept.Values.Where(k => !splitting.Contains(k.Plan.Run.Instruction)).Sum(k => k.Mounts.Sum(m => m.Targets.Length));
        var inline = LineBudget.Crosses(context.Text, flagLines);
        var messages = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (plan, mounts) in kept.Values)
        {
            if (splitting.Contains(plan.Run.Instruction))
            {
                findings.Add(PassContext.At(Id, plan.Run.Instruction, FindingKind.Declined,
                    $"no {string.Join(", ", mounts.Select(m => m.Manager.Id))} cache mount: it would cut this group of consecutive RUNs into parts that tally's prefer-run-heredoc reports again"));
                continue;
            }

            Emit(plan.Run, mounts, chainStyle, inline, edits, findings, messages);
        }

        // The check of tally's RUN groups read RUNs that package-hygiene may still change after this pass (a standalone
        // apt-get update it removes, a cache it switches off): where it left a mount out, run once more on the final text,
        // as a second rewrite would (fuzz seed 7 index 929789, seed 14 index 2413).
        return new PassResult(edits.ToImmutable(), findings.ToImmutable(), []) { RunAgainAfterLaterEdits = splitting.Count > 0 };
    }

    // tally's prefer-run-heredoc groups consecutive RUNs by their mounts (HeredocReports): mounts on some RUNs of a group
    // cut it, and each part of two RUNs or more and three commands or more is reported again. Per stretch of consecutive
    // RUNs, the mounts that make it report more are left out, first to last, until it reports no more than before (or,
    // when that never happens, all of them), and then each one left out goes back in if it fits beside the others; a
    // stretch too long to try mount by mount (hostile input) loses all of its new mounts when it reports more.
    private static HashSet<InstructionSyntax> SplittingRunGroups(
        PassContext context, Dictionary<InstructionSyntax, (RunPlan Plan, List<PlannedMount> Mounts)> kept)
    {
        const int LongestTriedMountByMount = 256;
        var splitting = new HashSet<InstructionSyntax>(ReferenceEqualityComparer.Instance);
        foreach (var stage in context.Model.Stages)
        {
            var body = stage.Instructions;
            for (var start = 0; start < body.Length;)
            {
                var end = start;
                while (end < body.Length && HeredocReports.GroupKey(body[end]) is not null)
                {
                    end++;
                }

                var stretch = body[start..Math.Max(end, start)];
                start = Math.Max(end, start) + 1;
                var planned = stretch.Where(kept.ContainsKey).ToList();
                if (planned.Count == 0)
                {
                    continue;
                }

                var before = stretch.Select(i => kept.TryGetValue(i, out var k) ? WithoutMounts(context, k.Plan.Run, k.Mounts) : HeredocReports.Slot(context.Model, i)).ToList();
                var after = stretch.Select(i => kept.TryGetValue(i, out var k) ? WithMounts(context, k.Plan.Run, k.Mounts) : HeredocReports.Slot(context.Model, i)).ToList();
                var allowed = HeredocReports.Reports(before);
                if (HeredocReports.Reports(after) <= allowed)
                {
                    continue;
                }

                if (stretch.Length > LongestTriedMountByMount)
                {
                    splitting.UnionWith(planned);
                    continue;
                }

                var left = new List<InstructionSyntax>();
                foreach (var instruction in planned)
                {
                    var at = stretch.IndexOf(instruction);
                    var reverted = after.ToList();
                    reverted[at] = before[at];
                    if (HeredocReports.Reports(reverted) < HeredocReports.Reports(after))
                    {
                        after = reverted;
                        left.Add(instruction);
                    }

                    if (HeredocReports.Reports(after) <= allowed)
                    {
                        break;
                    }
                }

                if (HeredocReports.Reports(after) > allowed)
                {
                    // Leaving mounts out one by one did not get back to the reports before: start from none instead.
                    after = [.. before];
                    left = [.. planned];
                }

                splitting.UnionWith(AddBack(stretch, after, left, allowed, kept, context));
            }
        }

        return splitting;
    }

    // The mounts left out, tried again one by one against what is kept, until none more fits: each that does not make
    // the stretch report more than before goes back in. Without this the next run, where package-hygiene has switched
    // some of the left-out RUNs' caches off (so cache-mounts no longer plans them), could add a mount this run left out
    // (not idempotent: fuzz seed 7 index 690790). Returns the ones still left out.
    private static List<InstructionSyntax> AddBack(
        ImmutableArray<InstructionSyntax> stretch,
        List<(string? Key, int Count)> after,
        List<InstructionSyntax> left,
        int allowed,
        Dictionary<InstructionSyntax, (RunPlan Plan, List<PlannedMount> Mounts)> kept,
        PassContext context)
    {
        for (var added = true; added && left.Count > 0;)
        {
            added = false;
            foreach (var instruction in left.ToList())
            {
                var at = stretch.IndexOf(instruction);
                var trial = after.ToList();
                var k = kept[instruction];
                trial[at] = WithMounts(context, k.Plan.Run, k.Mounts);
                if (HeredocReports.Reports(trial) <= allowed)
                {
                    after = trial;
                    left.Remove(instruction);
                    added = true;
                }
            }
        }

        return left;
    }

    // A RUN's group key and command count when this pass leaves it alone: package-hygiene (when it runs) adds the apt-get
    // update an apt install lacks anyway, so that update is not the mount's doing, and counting it against the mount
    // alone would decline the mount now and allow it on the next run, over the update package-hygiene added (not
    // idempotent: fuzz seed 7 index 16600).
    private static (string? Key, int Count) WithoutMounts(PassContext context, RunCommand run, List<PlannedMount> mounts)
    {
        var (key, count) = HeredocReports.Slot(context.Model, run.Instruction);
        var updates = context.Options.IsEnabled(PackageHygienePass.Id) && mounts.Any(m => m.Manager == PackageCaches.Apt) ? AptUpdates.Find(run).Missing.Count : 0;
        return (key, count + updates);
    }

    // A RUN's group key and command count once Emit has given it these mounts: the commands the mounts make unnecessary
    // are gone and apt installs have their own update.
    private static (string? Key, int Count) WithMounts(PassContext context, RunCommand run, List<PlannedMount> mounts)
    {
        var instruction = run.Instruction;
        var existing = instruction.Flags.Where(f => f.Name == "mount").Select(f => f.BuildKitText);
        var added = mounts.SelectMany(m => m.Targets).Select(t => t.Cache.FlagFor(t.Target));
        var units = RunEditing.TopLevelUnits(run.Script);
        var removed = mounts.SelectMany(m => m.Removals.Units).Distinct().Count(u => u >= 0 && u < units.Count && units[u].Connector != ShellConnector.Or);
        var updates = mounts.Any(m => m.Manager == PackageCaches.Apt) ? AptUpdates.Find(run).Missing.Count : 0;
        return (HeredocReports.GroupKey(existing.Concat(added)), Math.Max(1, HeredocReports.CommandCount(context.Model, instruction) - removed + updates));
    }

    private static RunPlan? PlanRun(
        PassContext context,
        RunCommand run,
        RunEnvironment environment,
        YarnFlavour yarn,
        Dictionary<PackageCache, string> fileWide,
        ImmutableArray<Finding>.Builder findings,
        string? thrownAway)
    {
        var instruction = run.Instruction;
        var invocations = run.Script.SimpleCommands
            .Select(c => PackageInvocation.Read(run, c))
            .OfType<PackageInvocation>()
            .Where(i => i.Cache.ProposeMount)
            .ToList();
        var opaqueManagers = run.Script.OpaqueParts
            .SelectMany(o => PackageCaches.All.Where(m => m.ProposeMount && TextMentions.MentionsManager(o.Text, m)))
            .Distinct()
            .ToList();
        var managers = invocations.Where(i => i.FillsCache).Select(i => i.Cache).Distinct().ToList();
        Finding Declined(PackageCache manager, string why) =>
            PassContext.At(Id, instruction, FindingKind.Declined, $"no {manager.Id} cache mount: {why}");

        foreach (var manager in opaqueManagers)
        {
            var why = "the RUN calls it inside a compound command the pass does not model";
            if (manager.CacheIsInstall)
            {
                fileWide.TryAdd(manager, $"the RUN at line {context.UserLine(instruction)} calls {manager.Id} inside a compound command");
            }
            else if (managers.Remove(manager))
            {
                findings.Add(Declined(manager, why));
            }
        }

        if (managers.Count == 0)
        {
            return null;
        }

        if (thrownAway is not null)
        {
            // Not a reason for the rest of the file: this stage's caches reach no image, whatever the other RUNs do.
            findings.AddRange(managers.Select(m => Declined(m, thrownAway)));
            return null;
        }

        string? blocker = context.IsIgnored(instruction) ? "a pragma shields this RUN"
            : environment.WhyNotPosix is { } notPosix ? notPosix
            : !environment.IsRoot ? $"it runs as USER {environment.User}, and the cache paths are root's"
            : null;
        var existing = MountFlags.Targets(instruction);
        var env = CacheEnvironment.Of(environment);
        var mounts = new List<PlannedMount>();
        foreach (var manager in managers)
        {
            var targets = manager.Mounts.Select(c => c.TargetIn(env)).ToList();
            var why = blocker
                ?? (context.IsIgnored(instruction, RuleOf(manager)) ? $"a pragma switches {RuleOf(manager)} off here" : null)
                ?? WhyNot(manager, run, invocations, env, targets, yarn);
            if (why is null && targets.All(t => MountFlags.Covers(existing, t!)))
            {
                continue;
            }

            if (why is null && targets.Any(t => MountFlags.Covers(existing, t!)))
            {
                why = "a mount already covers part of its cache";
            }

            var removals = why is null ? FindRemovals(run, manager, targets!, out why) : null;
            if (why is null && AlreadyClean(run, manager, invocations, removals!) is { } clean)
            {
                // The shipped layer is clean already: the mount would only speed up local rebuilds, and it would replace
                // the author's working cleanup. apt's RUN updates its own lists (checked above), so no other RUN reads
                // what this one would have mounted: the rest of the file may still get the mount.
                findings.Add(Declined(manager, clean));
                if (manager.CacheIsInstall && manager != PackageCaches.Apt)
                {
                    fileWide.TryAdd(manager, $"the RUN at line {context.UserLine(instruction)} keeps its own cache clean");
                }

                continue;
            }

            if (why is not null)
            {
                if (manager.CacheIsInstall)
                {
                    fileWide.TryAdd(manager, $"the RUN at line {context.UserLine(instruction)} cannot get one ({why})");
                }

                findings.Add(Declined(manager, why));
                continue;
            }

            mounts.Add(new PlannedMount(manager, [.. manager.Mounts.Zip(targets, (c, t) => (c, t!))], removals!));
        }

        return mounts.Count == 0 ? null : new RunPlan(run, mounts);
    }

    /// <summary>
    /// Why the RUN leaves no <paramref name="manager"/> cache in its layer already (it deletes the cache after the last
    /// call that fills it, or every such call switches it off), or null when the cache stays in the layer and a mount
    /// keeps it out. A deletion before a later fill (<c>rm -rf /var/lib/apt/lists/* &amp;&amp; apt-get update</c>) does not
    /// count: the lists are back in the layer.
    /// </summary>
    private static string? AlreadyClean(RunCommand run, PackageCache manager, List<PackageInvocation> invocations, Removals removals)
    {
        if (manager == PackageCaches.Apt && AptUpdates.Find(run).Missing.Count > 0)
        {
            // It installs from lists an earlier layer left, which the lists mount of an earlier RUN hides (and which are
            // stale once that layer is cached): it needs its own apt-get update either way. With the mount that update
            // fills the cache instead of the layer, and the author's deletion of the lists becomes unnecessary, so the
            // RUN stays two commands (`apt-get update && apt-get install`) instead of growing to three.
            return null;
        }

        var cleanups = removals.Deletions
            .Where(d => Cleanup.IsFinal(run, d.Command, manager))
            .Select(d => d.Text)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (cleanups.Count > 0)
        {
            return $"the RUN already deletes it ({string.Join(", ", cleanups.Select(c => $"`{c}`"))}), so the shipped layer is clean and the mount would only speed up local rebuilds in place of the author's cleanup";
        }

        var fills = invocations.Where(i => i.Cache == manager && i.FillsCache).ToList();
        var off = fills.Select(i => i.ArgumentsAfterProgram.FirstOrDefault(w => w.Value is { } v && i.Tool.NoCacheOptions.Contains(v))?.Text).ToList();
        return fills.Count > 0 && off.All(o => o is not null)
            ? $"the RUN already switches it off ({string.Join(", ", off.Distinct(StringComparer.Ordinal).Select(o => $"`{o}`"))}), so the shipped layer is clean and the mount would only speed up local rebuilds"
            : null;
    }

    /// <summary>
    /// Why cache mounts in this stage gain nothing worth a change, or null: a stage whose layers never reach the shipped
    /// image of an image that is not a leaf app (base images, builder and CI images are built fresh in pipelines, where
    /// a cache mount only speeds up a local rebuild). A leaf app's builder stages keep their mounts: its developers
    /// rebuild it all day.
    /// </summary>
    private static string? ThrownAway(PassContext context, StageModel stage) =>
        context.Model.Ships(stage) || context.Model.Role.IsLeafApp
            ? null
            : $"this stage does not reach the shipped image of a {ImageRoles.Describe(context.Model.Role.Role)}, so its caches are thrown away anyway and the mount would only speed up local rebuilds";

    // hadolint's DL3042 (pip --no-cache-dir) is the one rule of the same meaning, for pip's cache only.
    private static string? RuleOf(PackageCache manager) => manager == PackageCaches.Pip ? PipRule : null;

    private static string? WhyNot(PackageCache manager, RunCommand run, List<PackageInvocation> invocations, IReadOnlyDictionary<string, string?> env, List<string?> targets, YarnFlavour yarn)
    {
        var own = invocations.Where(i => i.Cache == manager).ToList();
        if (manager.DisablingEnv.FirstOrDefault(e => env.ContainsKey(e) || own.Any(i => i.Command.AssignmentValue(e) is not null)) is { } disabling)
        {
            return $"{disabling} switches its cache off";
        }

        if (targets.Any(t => t is null))
        {
            var names = string.Join(", ", manager.Mounts.Select(c => c.RelocatedBy).OfType<string>());
            return $"{names} is set to something that is not a plain absolute path";
        }

        if (manager == PackageCaches.Gem && !env.ContainsKey("GEM_HOME"))
        {
            return "gem's cache directory depends on the Ruby installation (known only in ruby images or with GEM_HOME)";
        }

        if (manager == PackageCaches.Yarn && yarn != YarnFlavour.Classic)
        {
            return yarn == YarnFlavour.Berry
                ? "Yarn 2+ keeps packages in its cache (Plug'n'Play): a mount would take them out of the image"
                : "cannot tell Yarn 1 from Yarn 2+ without the build context";
        }

        if (manager == PackageCaches.Apt && AptUpdates.Find(run).Why is { } noUpdate)
        {
            return noUpdate + " (with /var/lib/apt/lists mounted, lists from an earlier layer are hidden)";
        }

        if (own.Any(i => i.Command.Words.Any(w => !w.IsStatic && w.Text.Contains("cache", StringComparison.OrdinalIgnoreCase))))
        {
            return "it passes a cache option built from variables";
        }

        return null;
    }

    // What the mount makes unnecessary: whole cleanup commands, paths inside rm, and no-cache flags.
    private static Removals? FindRemovals(RunCommand run, PackageCache manager, IReadOnlyList<string> targets, out string? why)
    {
        why = null;
        var units = RunEditing.TopLevelUnits(run.Script);
        var removeUnits = new HashSet<int>();
        var words = new List<(ShellSimpleCommand Command, ShellWord Word)>();
        var removed = new List<string>();
        var deletions = new List<(ShellSimpleCommand Command, string Text)>();
        foreach (var entry in run.Script.Commands)
        {
            if (entry.Simple is not { } simple)
            {
                continue;
            }

            var unit = units.IndexOf(simple.Span);
            var cleanup = Cleanup.Read(simple);
            var isRm = simple.Name?.Value == "rm";
            var hits = isRm
                ? simple.Arguments.Where(w => w.Value is { } v && !manager.CleanupBesideMounts.Contains(v) && (manager.CleanupPaths.Contains(v) || targets.Any(t => Overlaps(v, t)))).ToList()
                : [];
            var isCleanupCommand = cleanup is not null && !isRm && cleanup.Caches.Contains(manager) && !Cleanup.Is(simple, manager.CleanupBesideMounts);
            if (isCleanupCommand && Cleanup.Is(simple, manager.CleanupOfMountsAndMore))
            {
                why = $"the RUN empties the cache itself (`{simple.Text}`), so a mount would gain nothing";
                return null;
            }

            if (hits.Count == 0 && !isCleanupCommand)
            {
                if (PackageInvocation.Read(run, simple, manager) is { } invocation)
                {
                    foreach (var flag in invocation.ArgumentsAfterProgram.Where(w => w.Value is { } v && invocation.Tool.NoCacheOptions.Contains(v)))
                    {
                        words.Add((simple, flag));
                        removed.Add(flag.Text);
                    }
                }

                continue;
            }

            if (unit < 0 || entry.Depth > 0)
            {
                why = $"its cleanup `{simple.Text}` is inside a group or pipeline the pass will not edit";
                return null;
            }

            var unknown = hits.FirstOrDefault(w => !manager.CleanupPaths.Contains(w.Value!));
            if (unknown is not null)
            {
                why = $"it deletes {unknown.Value}, which contains the cache mount";
                return null;
            }

            var paths = isRm ? simple.Arguments.Count(w => w.Value is null || !w.Value.StartsWith('-')) : 0;
            if (isCleanupCommand || hits.Count == paths)
            {
                removeUnits.Add(unit);
                removed.Add(simple.Text);
                deletions.Add((simple, simple.Text));
            }
            else
            {
                foreach (var hit in hits)
                {
                    words.Add((simple, hit));
                    removed.Add(hit.Text);
                    deletions.Add((simple, hit.Text));
                }
            }
        }

        if (RunEditing.RemoveUnits(run, removeUnits) is null)
        {
            why = "its cleanup is joined with || or is all the RUN does";
            return null;
        }

        return new Removals(removeUnits, words, removed, deletions);
    }

    private static bool Overlaps(string path, string target)
    {
        var p = path.TrimEnd('*').TrimEnd('/');
        return p == target || target.StartsWith(p + "/", StringComparison.Ordinal) || p.StartsWith(target + "/", StringComparison.Ordinal) || (p.Length == 0 && path.StartsWith('/'));
    }

    private static void Emit(
        RunCommand run,
        List<PlannedMount> mounts,
        ChainStyle fileStyle,
        bool inline,
        ImmutableArray<TextEdit>.Builder edits,
        ImmutableArray<Finding>.Builder findings,
        Dictionary<string, string> messages)
    {
        var style = fileStyle.For(run.Instruction);
        var units = new HashSet<int>(mounts.SelectMany(m => m.Removals.Units));
        var spans = RunEditing.RemoveUnits(run, units);
        if (spans is null)
        {
            findings.Add(PassContext.At(Id, run.Instruction, FindingKind.Declined, "no cache mount: the cleanup it would make unnecessary cannot be removed from this chain"));
            return;
        }

        var flags = new StringBuilder();
        foreach (var (cache, target) in mounts.SelectMany(m => m.Targets))
        {
            flags.Append(cache.FlagFor(target)).Append(' ');
            if (!inline)
            {
                flags.Append(style.Escape).Append(style.NewLine).Append(style.Indent);
            }
        }

        var firstEdit = edits.Count;
        edits.Add(InstructionEdits.InsertFlags(run.Instruction, Shared(messages, flags.ToString())));

        var apt = mounts.Any(m => m.Manager == PackageCaches.Apt);
        var updates = apt ? AptUpdates.Find(run).Missing : [];
        edits.AddRange(updates.Select(install => AptUpdates.Insert(run, install, fileStyle)));
        foreach (var span in spans)
        {
            edits.Add(TextEdit.Delete(span));
        }

        foreach (var (command, word) in mounts.SelectMany(m => m.Removals.Words).Distinct())
        {
            if (!units.Contains(RunEditing.TopLevelUnits(run.Script).IndexOf(command.Span)))
            {
                edits.Add(TextEdit.Delete(RunEditing.RemoveWord(run, command, word)));
            }
        }

        // The flags put the command's first line on a line of its own, which the pass thereby writes.
        if (!inline && InstructionEdits.TrimBlanksBeforeContinuationOfFirstLine(run.Instruction) is { } tidy
            && !edits.Skip(firstEdit).Any(e => e.Span.OverlapsWith(tidy.Span)))
        {
            edits.Add(tidy);
        }

        var what = string.Join(", ", mounts.Select(m => $"{m.Manager.Id} ({string.Join(", ", m.Targets.Select(t => t.Target))})"));
        var removedText = mounts.SelectMany(m => m.Removals.Removed).Distinct(StringComparer.Ordinal).ToList();
        var message = $"added cache mounts for {what}: downloads are reused across builds and never stored in the layer";
        if (apt)
        {
            message += "; apt caches only its package lists, so /etc/apt stays as shipped (its docker-clean hook still deletes downloaded .debs)";
        }

        if (updates.Count > 0)
        {
            message += "; added apt-get update before the install (the mount hides lists from earlier layers)";
        }

        if (removedText.Count > 0)
        {
            message += $"; removed {string.Join(", ", removedText.Select(r => $"`{r}`"))}, which the mount makes unnecessary";
        }

        var rule = mounts.Select(m => RuleOf(m.Manager)).FirstOrDefault(r => r is not null);
        findings.Add(PassContext.At(Id, run.Instruction, FindingKind.Applied, Shared(messages, message), hadolintId: rule));
    }

    // Most RUNs of a file get the same mounts, flags text and message: one copy of each is kept, not one per RUN (a
    // file of 100,000 instructions kept 25 MB of identical messages alive until the end of the rewrite).
    private static string Shared(Dictionary<string, string> seen, string text)
    {
        if (seen.TryGetValue(text, out var first))
        {
            return first;
        }

        seen[text] = text;
        return text;
    }

    // A shell-form command that is one simple command is read as the words the shell passes on, the ones exec-form writes
    // as its array, so this decision is the same before and after that pass. Read as text, 'ENTRYPOINT c"dotnet"""'
    // mentioned dotnet while its exec form ["cdotnet"] did not, and a second rewrite added the nuget mount (issue 14,
    // found by the fuzz harness). Anything else stays textual: a false hit only makes the pass decline.
    private static string WhatItRuns(InstructionSyntax instruction) =>
        instruction.Arguments is ShellFormArguments shell && SimpleCommandReader.Read(shell.CommandText) is { Reason: null } read
            ? string.Join(' ', read.Argv)
            : instruction.FullText;

    private sealed record RunPlan(RunCommand Run, List<PlannedMount> Mounts);

    private sealed record PlannedMount(PackageCache Manager, ImmutableArray<(CacheMountFact Cache, string Target)> Targets, Removals Removals);

    /// <summary>What the mount makes unnecessary: whole commands (<see cref="Units"/>), words (paths in rm, no-cache
    /// flags), their texts for the report, and the deletions of the cache among them (not the flags).</summary>
    private sealed record Removals(
        HashSet<int> Units,
        List<(ShellSimpleCommand Command, ShellWord Word)> Words,
        List<string> Removed,
        List<(ShellSimpleCommand Command, string Text)> Deletions);
}