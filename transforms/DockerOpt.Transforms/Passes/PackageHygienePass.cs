using System.Collections.Immutable;

using DockerOpt.Core.Editing;
using DockerOpt.Core.Model;
using DockerOpt.Core.Passes;
using DockerOpt.Core.Shell;
using DockerOpt.Core.Shell.Commands;
using DockerOpt.Syntax;
using DockerOpt.Transforms.Layers;
using DockerOpt.Transforms.Manifests;

namespace DockerOpt.Transforms.Passes;

/// <summary>
/// The package-manager habits that keep images small and builds reproducible: apt's update and install in one
/// RUN with <c>-y</c> and <c>--no-install-recommends</c> and the lists removed in the same layer; apk
/// <c>--no-cache</c>; dnf/yum clean in the same layer; pip <c>--no-cache-dir</c>; <c>npm ci</c> with a lockfile,
/// <c>--omit=dev</c> in the runtime stage, no npm cache left behind; frozen lockfiles for yarn and pnpm; gem
/// <c>--no-document</c>. Where a cache mount (from cache-mounts) covers a cache, the matching cleanup is not added:
/// never both. Versions are never pinned: pinned apt versions disappear from the mirrors and break builds.
/// </summary>
public sealed class PackageHygienePass : IRewritePass
{
    public const string Id = "package-hygiene";

    private static readonly string[] Lifecycle = ["preinstall", "install", "postinstall", "prepare", "prepublish"];

    private static readonly string[] NodeTools = ["npm", "npx", "yarn", "pnpm", "node", "tsc"];

    private static readonly string[] AptLists = ["/var/lib/apt/lists/*", "/var/lib/apt/lists", "/var/lib/apt/lists/", "/var/lib/apt/lists/**"];

    // npm install options that npm ci accepts with the same meaning.
    private static readonly HashSet<string> CiCompatible = new(StringComparer.Ordinal)
    {
        "--production", "--omit=dev", "--only=prod", "--only=production", "--no-audit", "--no-fund", "--silent", "--quiet", "-q", "-s",
        "--ignore-scripts", "--legacy-peer-deps", "--unsafe-perm", "--no-optional", "--omit=optional", "--include=dev", "--include=prod",
        "--include=optional", "--prefer-offline", "--no-progress", "--progress=false", "--verbose", "-d", "--loglevel=error",
        "--loglevel=warn", "--loglevel=silent", "--no-update-notifier", "--audit=false", "--fund=false", "--force",
    };

    public PassInfo Info { get; } = new(
        Id,
        "Package-manager hygiene",
        "apt: update and install in the same RUN, -y, --no-install-recommends (changes behaviour: recommended packages " +
        "are no longer installed), lists removed in the same layer, apt-get for apt (install, update, remove, purge, " +
        "autoremove, clean); apk --no-cache; dnf/yum clean all in the same layer; " +
        "pip --no-cache-dir; npm ci when a lockfile is copied in (never for npm install <package>), --omit=dev in the " +
        "final stage when nothing after it needs dev dependencies (changes behaviour), npm cache cleaned; yarn " +
        "--frozen-lockfile (1) / --immutable (2+) and pnpm --frozen-lockfile when their lockfile is copied in; gem " +
        "--no-document. A cache mount on the same cache replaces the cleanup. Never pins versions. Skips: exec-form and " +
        "heredoc RUNs, commands inside compound commands or after ||, RUNs that exit or end with a # comment (nothing can " +
        "be appended), non-POSIX shells, Windows stages, pragmas, and npm/yarn/pnpm changes without a build context.",
        PassCategory.Size,
        PassSafety.ChangesBehaviour,
        [
            "never pins versions",
            "npm install <package> is left alone",
            "no lockfile changes without a build context",
            "cleanup already covered by a cache mount",
            "exec-form and heredoc RUNs, compound commands",
        ],
        "RUN apt-get update\nRUN apt-get install curl\n",
        "RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n",
        // Only the rules it applies: hadolint's version-pinning rules (DL3008, DL3018, DL3028) are not among them.
        [Rules.AptLists, Rules.AptGet, Rules.AptYes, Rules.AptNoRecommends, Rules.ApkNoCache, Rules.YumYes, Rules.YumClean, Rules.DnfYes, Rules.DnfClean, Rules.PipNoCache, Rules.YarnCacheClean])
    {
        Roles = RolePolicy.Everywhere("its cleanups keep what the image does and apply to every kind of image; --no-install-recommends and --omit=dev change what is installed, so they are made only for leaf apps"),
    };

    private static class Rules
    {
        public const string AptLists = "DL3009";
        public const string AptGet = "DL3027";
        public const string AptYes = "DL3014";
        public const string AptNoRecommends = "DL3015";
        public const string ApkNoCache = "DL3019";
        public const string YumYes = "DL3030";
        public const string YumClean = "DL3032";
        public const string DnfYes = "DL3038";
        public const string DnfClean = "DL3040";
        public const string PipNoCache = "DL3042";
        public const string YarnCacheClean = "DL3060";
    }

    public PassResult Run(PassContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var environments = RunEnvironment.ForAll(context.Model);
        var chainStyle = ChainStyle.Sniff(context.Syntax, context.Style);
        var edits = ImmutableArray.CreateBuilder<TextEdit>();
        var findings = ImmutableArray.CreateBuilder<Finding>();
        var setups = CacheSetups.Find(context, environments, includeMounts: false);

        // Facts of the whole text, read once per pass: asked per install, they made a file of n installs cost n².
        var fileFacts = new FileFacts(
            context.Text.Contains("Install-Recommends", StringComparison.Ordinal),
            new Lazy<YarnFlavour>(() => YarnFlavours.Detect(context.BuildContext, context.Text), LazyThreadSafetyMode.None));
        foreach (var stage in context.Model.Stages)
        {
            var stageWork = new StageWork(context, stage, environments, setups, fileFacts, chainStyle, edits, findings);
            stageWork.Run();
        }

        return new PassResult(edits.ToImmutable(), [.. findings.Distinct()], []);
    }

    private sealed class StageWork(
        PassContext context,
        StageModel stage,
        IReadOnlyDictionary<int, RunEnvironment> environments,
        IReadOnlyDictionary<PackageCache, string> setups,
        FileFacts fileFacts,
        ChainStyle chainStyle,
        ImmutableArray<TextEdit>.Builder edits,
        ImmutableArray<Finding>.Builder findings)
    {
        private readonly List<InstructionSyntax> aptUnfixable = [];
        private readonly List<RunCommand> standaloneUpdates = [];

        // The size changes (cleanups, no-cache flags, fewer packages) count only where the stage's layers reach the
        // shipped image; a stage only copied from with specific paths throws its caches away anyway. The changes that
        // make the build itself correct or reproducible (-y, apt-get update with the install, npm ci, frozen lockfiles)
        // apply to every stage.
        private readonly bool ships = context.Model.Ships(stage);

        public void Run()
        {
            foreach (var instruction in stage.Instructions.Where(i => i.Kind == InstructionKind.Run))
            {
                var run = context.Model.RunOf(instruction);
                var why = context.IsIgnored(instruction) ? "a pragma shields it"
                    : run is null ? $"it {RunCommand.WhyNot(instruction)}"
                    : environments[instruction.Span.Start].WhyNotPosix;
                if (why is not null)
                {
                    if (TextMentions.MentionsManager(instruction.FullText, PackageCaches.Apt))
                    {
                        aptUnfixable.Add(instruction);
                    }

                    var mentioned = PackageCaches.All.Where(m => TextMentions.MentionsManager(instruction.FullText, m)).Select(m => m.Id).ToList();
                    if (mentioned.Count > 0)
                    {
                        findings.Add(PassContext.At(Id, instruction, FindingKind.Declined, $"{string.Join(", ", mentioned)} left as is: {why}"));
                    }

                    continue;
                }

                foreach (var opaque in run!.Script.OpaqueParts)
                {
                    var inside = PackageCaches.All.Where(m => TextMentions.MentionsManager(opaque.Text, m)).Select(m => m.Id).ToList();
                    if (inside.Count > 0)
                    {
                        findings.Add(PassContext.At(Id, instruction, FindingKind.Declined, $"{string.Join(", ", inside)} inside a compound command ({opaque.Reason}) left as is"));
                    }
                }

                Fix(run, environments[instruction.Span.Start]);
            }

            if (ships)
            {
                RemoveStandaloneUpdates();
            }
        }

        private void Fix(RunCommand run, RunEnvironment environment)
        {
            var instruction = run.Instruction;
            var units = RunEditing.TopLevelUnits(run.Script);
            var mounts = MountFlags.Targets(instruction);
            var env = CacheEnvironment.Of(environment);
            var invocations = run.Script.Commands
                .Select(e => (Entry: e, Invocation: e.Simple is { } s ? PackageInvocation.Read(run, s) : null))
                .Where(p => p.Invocation is not null)
                .Select(p => (p.Entry, Invocation: p.Invocation!))
                .ToList();
            if (invocations.Count == 0)
            {
                return;
            }

            if (IsStandaloneUpdate(run, invocations))
            {
                standaloneUpdates.Add(run);
                return;
            }

            var flagInserts = new Dictionary<int, List<string>>();
            var appends = new List<string>();
            var appendReasons = new List<(string Reason, string? Rule)>();
            var removeUnits = new HashSet<int>();
            var opaqueApt = run.Script.OpaqueParts.Any(o => TextMentions.MentionsManager(o.Text, PackageCaches.Apt));
            var (missingUpdates, updateWhy) = AptUpdates.Find(run);
            var sawAptUpdate = invocations.Any(p => p.Invocation.Cache == PackageCaches.Apt && p.Invocation.Verb == "update") || missingUpdates.Count > 0;
            var aptInstalls = 0;
            var aptFixable = !opaqueApt && updateWhy is null;
            foreach (var install in missingUpdates)
            {
                edits.Add(AptUpdates.Insert(run, install, chainStyle));
                findings.Add(PassContext.At(Id, instruction, FindingKind.Applied, "added apt-get update before the install in the same RUN (a cached update layer would install from stale lists)"));
            }

            void Applied(string message, bool changesBehaviour = false, string? rule = null) =>
                findings.Add(PassContext.At(Id, instruction, FindingKind.Applied, message, changesBehaviour, rule));
            void Declined(string message) =>
                findings.Add(PassContext.At(Id, instruction, FindingKind.Declined, message));

            // A '# hadolint ignore=' naming this rule keeps just this change out; the pass's others still apply.
            bool Shielded(string rule, string change)
            {
                if (!context.IsIgnored(instruction, rule))
                {
                    return false;
                }

                findings.Add(PassContext.At(Id, instruction, FindingKind.Declined, $"{change} left out: a pragma switches {rule} off here", hadolintId: rule));
                return true;
            }

            bool Editable(ShellCommandEntry entry)
            {
                var unit = units.IndexOf(entry.Node.Span);
                return entry.Depth == 0 && unit >= 0 && units[unit].Pipeline.Commands.Length == 1
                    && (unit + 1 >= units.Count || units[unit + 1].Connector != ShellConnector.Or);
            }

            // hadolint DL3027: apt is the interactive front end, whose command line is not stable for scripts; apt-get does
            // the same for these verbs. Not upgrade (apt's also installs new dependencies, apt-get's does not) nor
            // full-upgrade, list, search or show (apt-cache's, or no apt-get equivalent).
            void AptGetForApt(PackageInvocation invocation)
            {
                var program = invocation.Command.Words[invocation.ProgramIndex];
                if (program.Text is not ("apt" or "/usr/bin/apt"))
                {
                    return;
                }

                if (invocation.Verb is "upgrade" or "full-upgrade")
                {
                    findings.Add(PassContext.At(Id, instruction, FindingKind.Declined,
                        $"`apt {invocation.Verb}` left as is: apt's {invocation.Verb} also installs the new dependencies an upgrade needs, which apt-get's {(invocation.Verb == "upgrade" ? "upgrade does only with --with-new-pkgs" : "counterpart is dist-upgrade")}; write the apt-get form by hand if that is what the image wants",
                        hadolintId: Rules.AptGet));
                    return;
                }

                if (invocation.Verb is not ("install" or "update" or "remove" or "purge" or "autoremove" or "clean" or "autoclean")
                    || Shielded(Rules.AptGet, "apt-get for apt"))
                {
                    return;
                }

                edits.Add(TextEdit.Replace(run.SourceSpan(program.Span), program.Text + "-get"));
                Applied($"`apt {invocation.Verb}` is `apt-get {invocation.Verb}`: the same packages, through the command line meant for scripts (apt's may change between releases)", rule: Rules.AptGet);
            }

            void AddFlag(PackageInvocation invocation, string flag)
            {
                var anchor = invocation.VerbIndex >= 0 ? invocation.VerbIndex : invocation.ProgramIndex;
                var at = run.SourceEnd(invocation.Command.Words[anchor].Span.End);
                if (!flagInserts.TryGetValue(at, out var list))
                {
                    flagInserts[at] = list = [];
                }

                list.Add(flag);
            }

            foreach (var (entry, invocation) in invocations)
            {
                var manager = invocation.Cache;
                var editable = Editable(entry);
                if (manager == PackageCaches.Apt)
                {
                    AptGetForApt(invocation);
                    if (invocation.Verb != "install")
                    {
                        continue;
                    }

                    aptInstalls++;
                    if (!editable)
                    {
                        aptFixable = false;
                        Declined("apt install inside a group, pipeline or || is left as is");
                        continue;
                    }

                    if (!HasYes(invocation) && !Shielded(Rules.AptYes, "-y"))
                    {
                        AddFlag(invocation, "-y");
                        Applied("added -y: apt-get install cannot prompt during a build", rule: Rules.AptYes);
                    }

                    if (!ships)
                    {
                        continue;
                    }

                    if (!invocation.HasOption("--no-install-recommends") && !fileFacts.SetsInstallRecommends
                        && !context.Model.Role.IsLeafApp)
                    {
                        Declined($"--no-install-recommends not added: treated as a {context.Model.Role.Describe()}, whose users may rely on the recommended packages");
                    }
                    else if (!invocation.HasOption("--no-install-recommends") && !fileFacts.SetsInstallRecommends
                        && !Shielded(Rules.AptNoRecommends, "--no-install-recommends"))
                    {
                        AddFlag(invocation, "--no-install-recommends");
                        Applied("added --no-install-recommends: recommended packages are no longer installed (check that nothing needs them)", changesBehaviour: true, rule: Rules.AptNoRecommends);
                    }

                    continue;
                }

                if (manager == PackageCaches.Apk && ships && invocation.Verb == "add" && editable && !invocation.HasOption("--no-cache")
                    && !MountFlags.Covers(mounts, "/var/cache/apk") && !Shielded(Rules.ApkNoCache, "apk --no-cache") && !OwnSetup(run, manager, "apk --no-cache"))
                {
                    AddFlag(invocation, "--no-cache");
                    Applied("added --no-cache to apk add: the package index is not stored in the layer", rule: Rules.ApkNoCache);
                    foreach (var update in invocations.Where(p => p.Invocation.Cache == PackageCaches.Apk && p.Invocation.Verb == "update" && Editable(p.Entry)))
                    {
                        var unit = units.IndexOf(update.Entry.Node.Span);
                        if (removeUnits.Add(unit))
                        {
                            Applied("removed apk update: apk add --no-cache fetches a fresh index without storing it", rule: Rules.ApkNoCache);
                        }
                    }

                    continue;
                }

                if (manager == PackageCaches.Dnf && invocation.FillsCache && invocation.Verb != "makecache" && editable)
                {
                    var program = invocation.Command.Words[invocation.ProgramIndex].Value!;
                    var name = program[(program.LastIndexOf('/') + 1)..];
                    var (yesRule, cleanRule) = name == "yum" ? (Rules.YumYes, Rules.YumClean) : (Rules.DnfYes, Rules.DnfClean);
                    if (name is "yum" or "dnf" && invocation.Verb is "install" or "update" or "upgrade" or "groupinstall" or "reinstall"
                        && !HasYes(invocation) && !Shielded(yesRule, "-y"))
                    {
                        AddFlag(invocation, "-y");
                        Applied($"added -y: {name} {invocation.Verb} cannot prompt during a build", rule: yesRule);
                    }

                    var cleaned = Cleanup.Cleans(run, PackageCaches.Dnf);
                    var clean = $"{name} clean all";
                    if (ships && !cleaned && !appends.Contains(clean) && !appends.Any(a => a.EndsWith(" clean all", StringComparison.Ordinal))
                        && !Shielded(cleanRule, $"`{clean}`"))
                    {
                        appends.Add(clean);
                        appendReasons.Add(($"added `{clean}` in the same layer: the package cache would otherwise stay in it", cleanRule));
                    }

                    continue;
                }

                if (manager == PackageCaches.Pip && ships && invocation.Verb is "install" or "download" or "wheel" && editable)
                {
                    var target = PackageCaches.Pip.Mounts[0].TargetIn(env);
                    var disabled = PackageCaches.Pip.DisablingEnv.Any(e => env.ContainsKey(e) || invocation.Command.AssignmentValue(e) is not null);
                    if (!disabled && !invocation.HasOption("--no-cache-dir") && !(target is not null && MountFlags.Covers(mounts, target))
                        && !Shielded(Rules.PipNoCache, "--no-cache-dir") && !OwnSetup(run, manager, "--no-cache-dir"))
                    {
                        AddFlag(invocation, "--no-cache-dir");
                        Applied("added --no-cache-dir: pip's download cache is not stored in the layer", rule: Rules.PipNoCache);
                    }

                    continue;
                }

                if (manager == PackageCaches.Npm && editable)
                {
                    FixNpm(run, invocation, env, mounts, AddFlag, appends, appendReasons, (m, b) => Applied(m, b), Declined);
                    continue;
                }

                if (manager == PackageCaches.Yarn && editable)
                {
                    FixYarn(run, invocation, env, mounts, AddFlag, appends, appendReasons, (m, b) => Applied(m, b), Declined, Shielded);
                    continue;
                }

                if (manager == PackageCaches.Pnpm && editable && invocation.Verb is "install" or "i" && !invocation.Operands.Any()
                    && !invocation.HasOption("--frozen-lockfile", "--no-frozen-lockfile")
                    && LockfileReady(run, "pnpm-lock.yaml", Declined, "pnpm"))
                {
                    AddFlag(invocation, "--frozen-lockfile");
                    Applied("added --frozen-lockfile: pnpm installs exactly what pnpm-lock.yaml says");
                    continue;
                }

                if (manager == PackageCaches.Gem && ships && editable && invocation.Command.Words[invocation.ProgramIndex].Value is "gem"
                    && invocation.Verb == "install" && !invocation.HasOption("--no-document", "-N", "--no-rdoc", "--no-ri", "--document"))
                {
                    AddFlag(invocation, "--no-document");
                    Applied("added --no-document: gem documentation is not installed into the image");
                }
            }

            // apt lists: removed in the same layer, unless a cache mount keeps them out of it already.
            if (aptInstalls > 0 && sawAptUpdate && aptFixable && ships)
            {
                var listed = run.Script.SimpleCommands.Any(c => c.Name?.Value == "rm" && c.Arguments.Any(w => AptLists.Contains(w.Value))
                    && Cleanup.IsFinal(run, c, PackageCaches.Apt));
                if (!listed && !MountFlags.Covers(mounts, "/var/lib/apt/lists") && !Shielded(Rules.AptLists, "the apt lists cleanup")
                    && !OwnSetup(run, PackageCaches.Apt, "the apt lists cleanup"))
                {
                    appends.Insert(0, "rm -rf /var/lib/apt/lists/*");
                    appendReasons.Insert(0, ("removed the apt lists in the same layer: in a later RUN they would stay in this one", Rules.AptLists));
                }
            }
            else if (aptInstalls > 0 && !aptFixable)
            {
                aptUnfixable.Add(instruction);
            }

            foreach (var (at, flags) in flagInserts.OrderBy(p => p.Key))
            {
                edits.Add(TextEdit.Insert(at, " " + string.Join(' ', flags)));
            }

            if (removeUnits.Count > 0 && RunEditing.RemoveUnits(run, removeUnits) is { } spans)
            {
                edits.AddRange(spans.Select(TextEdit.Delete));
            }

            if (appends.Count > 0)
            {
                if (ScriptTraits.WhyNotChainable(run.Script) is { } why)
                {
                    Declined($"cannot add `{string.Join(" && ", appends)}` at the end: {why}");
                    return;
                }

                // A cleanup is worth a few megabytes, not a new complaint from the peer linter: the commands it
                // appends must not make this RUN (or its group of RUNs) one that tally asks to write as a heredoc.
                var alreadyAdded = missingUpdates.Count - removeUnits.Count;
                // A standalone `apt-get update` RUN before this one goes at the end of the stage (RemoveStandaloneUpdates).
                if (HeredocReports.Rises(context.Model, stage.Instructions, stage.IndexOf(instruction), alreadyAdded, alreadyAdded + appends.Count,
                    removed: i => ships && standaloneUpdates.Exists(u => ReferenceEquals(u.Instruction, i))))
                {
                    Declined($"`{string.Join(" && ", appends)}` not added: it would make this RUN (or its group of RUNs) {HeredocReports.MinCommands} chained commands or more, which tally's prefer-run-heredoc asks to write as a heredoc; a cache mount (cache-mounts) keeps the cache out of the layer without a command, where the builder reads mounts");
                    return;
                }

                edits.Add(RunEditing.Append(run, appends, [], chainStyle));
                foreach (var (reason, rule) in appendReasons)
                {
                    Applied(reason, rule: rule);
                }
            }
        }

        private void FixNpm(
            RunCommand run,
            PackageInvocation invocation,
            IReadOnlyDictionary<string, string?> env,
            IReadOnlyList<string> mounts,
            Action<PackageInvocation, string> addFlag,
            List<string> appends,
            List<(string Reason, string? Rule)> appendReasons,
            Action<string, bool> applied,
            Action<string> declined)
        {
            var verb = invocation.Verb;
            if (verb is not ("install" or "i" or "ci"))
            {
                return;
            }

            var options = invocation.ArgumentsAfterVerb.Where(w => w.Value?.StartsWith('-') == true).Select(w => w.Value!).ToList();
            var global = options.Any(o => o is "-g" or "--global" or "--location=global");
            if (global || invocation.Operands.Any())
            {
                // npm install <package> (or -g): not a lockfile install, left alone; its cache still goes.
                AddCacheClean(run, env, mounts, appends, appendReasons);
                return;
            }

            var isCi = verb == "ci";
            if (!isCi)
            {
                var unknown = options.FirstOrDefault(o => !CiCompatible.Contains(o));
                if (unknown is not null)
                {
                    declined($"npm install not turned into npm ci: npm ci has no equivalent of {unknown}");
                }
                else if (LockfileReady(run, "package-lock.json", declined, "npm") || LockfileReady(run, "npm-shrinkwrap.json", _ => { }, "npm"))
                {
                    var verbWord = invocation.Command.Words[invocation.VerbIndex];
                    edits.Add(TextEdit.Replace(run.SourceSpan(verbWord.Span), "ci"));
                    applied("npm install → npm ci: installs exactly the lockfile, fails if it is out of date, and is faster", false);
                    isCi = true;
                }
            }

            if (isCi && OmitDevEvidence(run, invocation, env, declined) is { } evidence)
            {
                addFlag(invocation, "--omit=dev");
                applied($"added --omit=dev: the final stage installs no dev dependencies: {evidence}", true);
            }

            AddCacheClean(run, env, mounts, appends, appendReasons);
        }

        private void AddCacheClean(RunCommand run, IReadOnlyDictionary<string, string?> env, IReadOnlyList<string> mounts, List<string> appends, List<(string Reason, string? Rule)> appendReasons)
        {
            const string clean = "npm cache clean --force";
            if (!ships)
            {
                return;
            }

            var target = PackageCaches.Npm.Mounts[0].TargetIn(env);
            var cleaned = Cleanup.Cleans(run, PackageCaches.Npm);
            if (!cleaned && !appends.Contains(clean) && !(target is not null && MountFlags.Covers(mounts, target)) && !OwnSetup(run, PackageCaches.Npm, $"`{clean}`"))
            {
                appends.Add(clean);
                appendReasons.Add(("added `npm cache clean --force` in the same layer: npm's download cache would otherwise stay in it", null));
            }
        }

        // Why --omit=dev is safe here, or null (with a declined finding when the reason is worth saying).
        private string? OmitDevEvidence(RunCommand run, PackageInvocation invocation, IReadOnlyDictionary<string, string?> env, Action<string> declined)
        {
            if (!context.Model.Role.IsLeafApp)
            {
                declined($"--omit=dev not added: treated as a {context.Model.Role.Describe()}, whose users may need the dev dependencies");
                return null;
            }

            if (stage != context.Model.BuiltStage || invocation.HasOption("--omit=dev", "--production", "--only=prod", "--only=production", "--include=dev", "--omit", "--only"))
            {
                return null;
            }

            if (NodeEnvDecides(run, env) is { } nodeEnvWhy)
            {
                declined($"--omit=dev not added: {nodeEnvWhy}");
                return null;
            }

            if (!context.BuildContext.IsKnown)
            {
                return null;
            }

            var packageJson = context.BuildContext.ReadText("package.json");
            var dev = Lockfiles.DevDependencies(packageJson);
            if (dev.Count == 0)
            {
                return null;
            }

            var later = stage.After(run.Instruction).ToList();
            var builder = later.FirstOrDefault(i => i.Kind == InstructionKind.Run
                && NodeTools.Any(w => TextMentions.MentionsWord(i.FullText, w)));
            if (builder is not null)
            {
                declined($"--omit=dev not added: the RUN at line {context.UserLine(builder)} may need dev dependencies");
                return null;
            }

            var scripts = Lockfiles.Scripts(packageJson);
            var needed = new List<string>(Lifecycle);
            foreach (var start in later.Where(i => i.Kind is InstructionKind.Cmd or InstructionKind.Entrypoint or InstructionKind.Healthcheck))
            {
                var text = start.FullText;
                if (dev.FirstOrDefault(d => TextMentions.MentionsWord(text, d)) is { } direct)
                {
                    declined($"--omit=dev not added: {start.KeywordUpper} at line {context.UserLine(start)} runs {direct}, a dev dependency");
                    return null;
                }

                if (TextMentions.MentionsWord(text, "start"))
                {
                    needed.Add("start");
                }

                needed.AddRange(scripts.Keys.Where(k => text.Contains("run " + k, StringComparison.Ordinal) || text.Contains($"\"run\", \"{k}\"", StringComparison.Ordinal)));
            }

            foreach (var script in needed.Distinct(StringComparer.Ordinal))
            {
                if (scripts.TryGetValue(script, out var body) && dev.FirstOrDefault(d => TextMentions.MentionsWord(body, d)) is { } tool)
                {
                    declined($"--omit=dev not added: the '{script}' script uses {tool}, a dev dependency");
                    return null;
                }
            }

            // The decision rests on what the app's code loads; the finding says what was read, either way.
            var imports = NodeAppImports.Read(context.BuildContext);
            if (imports.Truncated)
            {
                declined($"--omit=dev not added: the context has more than {imports.FilesRead} source files, too many to tell which packages the app loads");
                return null;
            }

            var loaded = imports.Of(dev);
            if (!loaded.IsEmpty)
            {
                var which = string.Join("; ", loaded.GroupBy(l => l.File, StringComparer.Ordinal).Select(g => $"{g.Key} loads {string.Join(" and ", g.Select(l => l.Package))}"));
                declined($"--omit=dev not added: {which}, listed in devDependencies, so the app needs {(loaded.Length == 1 ? "it" : "them")} at run time (move {(loaded.Length == 1 ? "it" : "them")} to dependencies to ship without dev dependencies)");
                return null;
            }

            return $"none of the {imports.FilesRead} app source files (tests and tool configs aside) loads a dev dependency ({string.Join(", ", dev.Order(StringComparer.Ordinal))})";
        }

        /// <summary>
        /// Why NODE_ENV already decides whether dev dependencies are installed, or null. With NODE_ENV=production npm omits
        /// them by itself; from an ARG (or an ENV built from one) the author chooses per build (production by default,
        /// development for the compose dev image), and --omit=dev would take that choice away; any other value is the
        /// author's own.
        /// </summary>
        private string? NodeEnvDecides(RunCommand run, IReadOnlyDictionary<string, string?> env)
        {
            var inline = run.Script.SimpleCommands.Select(c => c.AssignmentValue("NODE_ENV")).FirstOrDefault(v => v is not null);
            if (inline is null && !env.ContainsKey("NODE_ENV"))
            {
                return null;
            }

            var value = inline ?? env["NODE_ENV"];
            var fromArg = value is null || value.Contains('$', StringComparison.Ordinal)
                || stage.Before(run.Instruction).Any(i => i.Kind == InstructionKind.Arg && ArgDeclarations.Read(i).Any(a => a.Name == "NODE_ENV"));
            return fromArg
                ? "NODE_ENV comes from a build ARG, so each build chooses whether dev dependencies are installed"
                : value == "production"
                    ? "NODE_ENV=production already makes npm omit dev dependencies"
                    : $"NODE_ENV={value} says this image wants its dev dependencies";
        }

        private void FixYarn(
            RunCommand run,
            PackageInvocation invocation,
            IReadOnlyDictionary<string, string?> env,
            IReadOnlyList<string> mounts,
            Action<PackageInvocation, string> addFlag,
            List<string> appends,
            List<(string Reason, string? Rule)> appendReasons,
            Action<string, bool> applied,
            Action<string> declined,
            Func<string, string, bool> shielded)
        {
            if (invocation.Verb is not ("install" or "") || invocation.Operands.Any())
            {
                return;
            }

            var flavour = fileFacts.Yarn.Value;
            var flag = flavour == YarnFlavour.Berry ? "--immutable" : "--frozen-lockfile";
            if (!invocation.HasOption("--frozen-lockfile", "--immutable", "--pure-lockfile", "--no-immutable")
                && flavour != YarnFlavour.Unknown && LockfileReady(run, "yarn.lock", declined, "yarn"))
            {
                addFlag(invocation, flag);
                applied($"added {flag}: yarn installs exactly what yarn.lock says", false);
            }

            var target = PackageCaches.Yarn.Mounts[0].TargetIn(env);
            var cleaned = Cleanup.Cleans(run, PackageCaches.Yarn);
            if (flavour == YarnFlavour.Classic && ships && !cleaned && !(target is not null && MountFlags.Covers(mounts, target)) && !appends.Contains("yarn cache clean")
                && !shielded(Rules.YarnCacheClean, "`yarn cache clean`") && !OwnSetup(run, PackageCaches.Yarn, "`yarn cache clean`"))
            {
                appends.Add("yarn cache clean");
                appendReasons.Add(("added `yarn cache clean` in the same layer: yarn's cache would otherwise stay in it", Rules.YarnCacheClean));
            }
        }

        // The author's own cache set-up for a tool (CacheSetups): its cleanup and no-cache options are left alone.
        private bool OwnSetup(RunCommand run, PackageCache cache, string change)
        {
            if (!setups.TryGetValue(cache, out var why))
            {
                return false;
            }

            findings.Add(PassContext.At(Id, run.Instruction, FindingKind.Declined, $"{change} left out: {why}"));
            return true;
        }

        private bool LockfileReady(RunCommand run, string lockfile, Action<string> declined, string tool)
        {
            if (!context.BuildContext.IsKnown)
            {
                declined($"{tool}: no build context, so it is unknown whether {lockfile} exists; lockfile flags not added");
                return false;
            }

            if (!context.BuildContext.FileExists(lockfile) && !stage.Instructions.Any(i => i.Kind is InstructionKind.Copy or InstructionKind.Add))
            {
                return false;
            }

            if (!Lockfiles.IsCopiedBefore(stage, run.Instruction, context.BuildContext, lockfile))
            {
                if (context.BuildContext.FileExists(lockfile))
                {
                    declined($"{tool}: {lockfile} exists but is not copied into the image before this RUN");
                }

                return false;
            }

            return true;
        }

        private static bool HasYes(PackageInvocation invocation) =>
            invocation.Recognized.AssumesYes || invocation.Command.Text.Contains("APT::Get::Assume-Yes", StringComparison.Ordinal);

        private static bool IsStandaloneUpdate(RunCommand run, List<(ShellCommandEntry Entry, PackageInvocation Invocation)> invocations) =>
            run.Script.IsFullyUnderstood && run.Script.Commands.Length == invocations.Count
            && invocations.All(p => p.Invocation.Cache == PackageCaches.Apt && p.Invocation.Verb == "update");

        // A RUN that only runs apt-get update leaves the lists in its own layer; once every later install updates
        // in its own RUN, it is redundant.
        private void RemoveStandaloneUpdates()
        {
            foreach (var update in standaloneUpdates)
            {
                var instruction = update.Instruction;
                var after = stage.After(instruction).ToList();
                var blocker = aptUnfixable.FirstOrDefault(after.Contains)
                    ?? after.FirstOrDefault(i => i.Kind == InstructionKind.Run && context.Model.RunOf(i) is { } r
                        && r.Script.SimpleCommands.Any(c => PackageInvocation.Read(r, c, PackageCaches.Apt) is { Verb: not ("update" or "install") and not "" }));
                if (blocker is not null)
                {
                    findings.Add(PassContext.At(Id, instruction, FindingKind.Declined,
                        $"this apt-get update RUN leaves the lists in its layer, but the RUN at line {context.UserLine(blocker)} relies on it"));
                    continue;
                }

                if (!after.Any(i => i.Kind == InstructionKind.Run && TextMentions.MentionsManager(i.FullText, PackageCaches.Apt))
                    || context.Model.Stages.Any(s => s.BaseStageIndex == stage.Index))
                {
                    findings.Add(PassContext.At(Id, instruction, FindingKind.Declined,
                        "this apt-get update RUN leaves the lists in its layer, but nothing after it in the stage installs with apt"));
                    continue;
                }

                if (context.IsIgnored(instruction, Rules.AptLists))
                {
                    findings.Add(PassContext.At(Id, instruction, FindingKind.Declined, $"this apt-get update RUN leaves the lists in its layer, but a pragma switches {Rules.AptLists} off here", hadolintId: Rules.AptLists));
                    continue;
                }

                edits.Add(InstructionEdits.Remove(instruction));
                findings.Add(PassContext.At(Id, instruction, FindingKind.Applied,
                    "removed this apt-get update RUN: every apt install after it now updates in its own RUN, and its lists stayed in this layer", hadolintId: Rules.AptLists));
            }
        }
    }

    /// <summary>What the pass reads from the whole file: whether it configures Install-Recommends, and its Yarn flavour.</summary>
    private sealed record FileFacts(bool SetsInstallRecommends, Lazy<YarnFlavour> Yarn);
}