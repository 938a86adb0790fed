using System.Collections.Immutable;

using DockerOpt.Core.Editing;
using DockerOpt.Core.Model;
using DockerOpt.Core.Passes;
using DockerOpt.Syntax;
using DockerOpt.Transforms.Layers;
using DockerOpt.Transforms.Runtime;

namespace DockerOpt.Transforms.Passes;

/// <summary>
/// Makes the final stage run as a non-root user: the image's own user (<c>node</c>), a user the Dockerfile already
/// creates, a created system user (Debian/Red Hat <c>useradd</c>, Alpine <c>adduser -S</c>), or the numeric
/// <c>65532:65532</c> on scratch and distroless. The app's code stays root-owned, read-only for that user: only the
/// folders the image shows are written at run time (a VOLUME, a data/logs/tmp/uploads folder it creates) are handed
/// to it, with the files copied into them. What it adds to run as root (the user's creation, the hand-over) goes in
/// RUNs of its own, never into the author's RUNs: a created user right after the last RUN above the first COPY/ADD
/// (its layer stays cached when the app's files change), the hand-over after every RUN and above the first VOLUME or
/// the USER.
/// </summary>
public sealed class NonRootUserPass : IRewritePass
{
    public const string PassId = "non-root-user";

    private const string Rule = "DL3002";

    public PassInfo Info { get; } = new(
        PassId,
        "Run as a non-root user",
        "Adds USER to the final stage (after its last RUN and COPY/ADD, before CMD/ENTRYPOINT) so the container does not run as "
        + "root: the image's own user (node), a user the Dockerfile already creates, the user it already hands the app's "
        + "files to (COPY --chown=nobody, RUN chown 1000), a created system user on "
        + "Debian/Red Hat/Alpine images, or 65532:65532 on scratch and distroless. The app's code stays root-owned and "
        + "read-only for that user; only folders the image shows are written at run time (a VOLUME, a data, logs, tmp "
        + "or uploads folder it creates) are handed to it (mkdir -p + chown, COPY --chown into them). The user's creation "
        + "and the hand-over go in RUNs of their own (the creation after the last RUN above the first COPY/ADD, the "
        + "hand-over after every RUN, above the first VOLUME or the USER), never into the author's RUNs. Declines when the "
        + "stage exposes a port below 1024 (unless --level aggressive), when the image drops privileges itself (gosu, "
        + "su-exec, ...), when it copies and installs nothing (it runs only what its base ships), for images whose user "
        + "tools it does not know, unresolved or Windows bases. A final stage that already runs as non-root is left alone.",
        PassCategory.Security,
        PassSafety.ChangesBehaviour,
        [
            "a final stage that already has a non-root USER (or a variable USER), or a base that runs as non-root",
            "EXPOSE of a port below 1024 (declined with advice unless --level aggressive)",
            "entrypoints that drop privileges themselves (gosu, su-exec, setpriv, runuser, chpst, s6, supervisord)",
            "base images whose user tools are unknown, unresolved (variable) bases, Windows images",
            "images that copy and install nothing: they run only what the base image ships",
            "app code is never given to the runtime user: only VOLUMEs and data/logs/tmp/uploads folders the file creates",
        ],
        "FROM node:20-slim\nWORKDIR /app\nCOPY . .\nCMD [\"node\", \"server.js\"]\n",
        "FROM node:20-slim\nWORKDIR /app\nCOPY . .\nUSER node\nCMD [\"node\", \"server.js\"]\n",
        [Rule])
    {
        Roles = RolePolicy.LeafApps("a USER changes who runs the image: base images would make every image built FROM them switch back to root to install anything, builder/CI/dev images and tools that need root by design break"),
    };

    public PassResult Run(PassContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Model.FinalStage is not { } final)
        {
            return PassResult.Empty;
        }

        var chain = StageChain.Of(context.Model, final);
        var from = final.From;
        if (context.IsIgnored(from, Rule))
        {
            return Decline(from, "left as is: a pragma switches non-root-user off for the final stage");
        }

        if (RuntimeImage.IsWindows(chain, context.Syntax))
        {
            return Decline(from, "Windows images manage users differently (ContainerUser); not changed");
        }

        if (chain.IsUnresolved)
        {
            return Decline(from, $"the final image '{chain.Root.BaseText}' is built from variables dockeropt cannot resolve, so it cannot tell which user tools exist");
        }

        var lastUser = chain.LastInEffect(InstructionKind.User);
        var lastUserValue = UserValue(lastUser);
        if (lastUser is not null && !IsRoot(lastUserValue))
        {
            return PassResult.Empty;
        }

        if (lastUser is not null)
        {
            return Decline(lastUser, $"the author wrote 'USER {lastUserValue}' as the image's last USER (line {context.UserLine(lastUser)}): it runs as root on purpose, so it is kept");
        }

        if (lastUser is null && chain.BaseImage is { } image && RuntimeUserCatalog.RunsAsNonRootByDefault(image))
        {
            return PassResult.Empty;
        }

        if (lastUser is null && chain.BaseImage is { } server && RuntimeUserCatalog.ManagesItsOwnUser(server))
        {
            return Decline(from, $"'{server.Text}' starts as root on purpose: its entrypoint or server switches to its own user (and may bind ports below 1024); not changed");
        }

        var instructions = chain.AllInstructions().ToList();
        if (PrivilegeDrop.Find(instructions) is { } tool)
        {
            return Decline(from, $"the image starts as root and drops privileges itself ({tool}); a USER would break that, so it is left to the entrypoint");
        }

        if (!instructions.Any(i => i.Kind is InstructionKind.Copy or InstructionKind.Add or InstructionKind.Run))
        {
            var runs = chain.BaseImage?.Text ?? chain.Root.BaseText;
            return Decline(from, $"the image copies and installs nothing: it runs only what '{runs}' ships, so a user of its own would protect none of its files; not changed");
        }

        var findings = ImmutableArray.CreateBuilder<Finding>();
        var ports = ExposedPorts.Privileged(instructions).ToList();
        foreach (var (word, expose) in ports)
        {
            findings.Add(PassContext.At(PassId, expose, FindingKind.Advice,
                $"port {word} is below 1024: a non-root process can bind it only where the runtime allows it (Docker 20.10+ sets net.ipv4.ip_unprivileged_port_start=0; Kubernetes and others may not) or with CAP_NET_BIND_SERVICE; prefer a port of 1024 or more"));
        }

        if (ports.Count > 0 && context.Options.Level != RewriteLevel.Aggressive)
        {
            findings.Add(PassContext.At(PassId, from, FindingKind.Declined,
                $"still runs as root: it exposes {string.Join(", ", ports.Select(p => p.Word))}, which a non-root process may not be able to bind; use --level aggressive to switch anyway"));
            return PassResult.FindingsOnly(findings);
        }

        if (ChooseUser(context, chain, instructions, lastUser) is not { } plan)
        {
            var name = chain.BaseImage?.Text ?? chain.Root.BaseText;
            findings.Add(PassContext.At(PassId, from, FindingKind.Declined,
                $"runs as root, but dockeropt does not know how to create a user in '{name}'; add a system user and a USER instruction by hand"));
            return PassResult.FindingsOnly(findings);
        }

        var writes = RuntimeWrites.In(chain, context.UserLine);
        var handOver = writes.Count == 0 ? null : HandOverCommands(writes, plan);
        if (handOver is not null && RuntimeImage.HasNoShell(chain))
        {
            findings.Add(PassContext.At(PassId, from, FindingKind.Declined,
                $"runs as root: the app writes to {Listed(writes)} at run time, and without a shell in the image dockeropt cannot hand {(writes.Count == 1 ? "it" : "them")} to a non-root user; add the folders with COPY --chown and a USER by hand"));
            return PassResult.FindingsOnly(findings);
        }

        var body = final.Instructions;
        var lastRun = LastRunIndex(body);
        var userPoint = UserPoint(body, lastUser);

        // The classic builder drops what a RUN changes in a volume after its VOLUME: the hand-over runs after every
        // RUN of the stage (the folders exist by then) and before the first VOLUME.
        var volume = body.IndexOf(body.FirstOrDefault(i => i.Kind == InstructionKind.Volume)!);
        if (handOver is not null && volume >= 0 && volume < lastRun)
        {
            findings.Add(PassContext.At(PassId, body[lastRun], FindingKind.Declined,
                $"runs as root: the app writes to {Listed(writes)} at run time, and no place before its VOLUME comes after every RUN; add a chown and a USER by hand"));
            return PassResult.FindingsOnly(findings);
        }

        // The commands of the one RUN this pass adds above the first VOLUME or the USER (never into an author's RUN).
        var target = handOver is not null && volume >= 0 && volume < userPoint ? volume : userPoint;
        var targetAnchor = target < body.Length ? body[target] : body.IsEmpty ? final.From : body[^1];
        var ownRun = new List<string>();
        var edits = ImmutableArray.CreateBuilder<TextEdit>();
        if (plan.CreateCommands is not null && handOver is null && CreatingMakesHeredocReport(context, body, target, userPoint, plan.CreateCommands.Count) is { } neighbour)
        {
            // Nothing to hand over, so the app needs no user of its own: the unprivileged user every Linux base image
            // ships serves, and the file gets no RUN that tally would ask to write as a heredoc.
            plan = new UserPlan("nobody", "nobody", null, null,
                $"the image's own unprivileged user: creating one would take a RUN next to line {context.UserLine(neighbour)} that tally's prefer-run-heredoc reports, and the app writes nothing it would have to own");
        }

        if (plan.CreateCommands is not null)
        {
            var createdAt = targetAnchor;
            if (SetupRunPlacement(context, body, target, handOver) is { } setup)
            {
                var run = OwnRun(context, plan.CreateCommands);
                createdAt = setup.SetupRun >= 0 ? body[setup.SetupRun] : body[setup.FirstCopy];
                edits.Add(setup.SetupRun >= 0
                    ? InstructionEdits.InsertAfter(context.Syntax, createdAt, context.Style, run)
                    : InstructionEdits.InsertBefore(context.Syntax, createdAt, context.Style, run));
            }
            else
            {
                ownRun.AddRange(plan.CreateCommands);
            }

            findings.Add(PassContext.At(PassId, createdAt, FindingKind.Applied, $"creates the system user '{plan.User}' for the app to run as, in a RUN of its own", true));
        }

        if (handOver is not null)
        {
            ownRun.AddRange(handOver);
            findings.Add(OwnershipFinding(target == volume ? body[volume] : lastRun >= 0 ? body[lastRun] : final.From, writes, plan));
        }

        var before = new List<string>();
        if (ownRun.Count > 0 && target != userPoint)
        {
            edits.Add(InstructionEdits.InsertBefore(context.Syntax, body[target], context.Style, OwnRun(context, ownRun)));
        }
        else if (ownRun.Count > 0)
        {
            before.Add(OwnRun(context, ownRun));
        }

        var userLine = InstructionEdits.Format(context.Style, "USER", plan.User);
        if (!PlaceUser(context, final, lastUser, [.. before, userLine], edits, out var anchor))
        {
            return Decline(anchor, "left as is: a pragma shields the USER root this pass would replace");
        }

        var previously = lastUser is null ? "root (the image default)" : $"'{lastUserValue}' (line {context.UserLine(lastUser)})";
        findings.Add(PassContext.At(PassId, anchor, FindingKind.Applied,
            $"runs as non-root user '{plan.User}' ({plan.Source}) instead of {previously}", true));

        AddOwnership(context, final, plan, writes, edits, findings);
        // Every change this pass makes has the meaning of its one hadolint rule.
        return new PassResult(edits.ToImmutable(), [.. findings.Select(f => f.Kind == FindingKind.Declined ? f : f with { HadolintId = Rule })], []);
    }

    private static PassResult Decline(InstructionSyntax at, string message) =>
        PassResult.FindingsOnly([PassContext.At(PassId, at, FindingKind.Declined, message)]);

    private static string? UserValue(InstructionSyntax? user) =>
        user?.Arguments is WordArguments { Words.Length: > 0 } words ? words.Words[0].Value.Trim() : null;

    private static bool IsRoot(string? value)
    {
        if (value is null)
        {
            return true;
        }

        var name = value.Split(':')[0];
        return name is "root" or "0" or "";
    }

    private static UserPlan? ChooseUser(PassContext context, StageChain chain, List<InstructionSyntax> instructions, InstructionSyntax? lastUser)
    {
        if (chain.IsScratch || (chain.BaseImage is { } shellLess && RuntimeUserCatalog.FamilyOf(shellLess) == ImageFamily.ShellLess))
        {
            var where = chain.IsScratch ? "scratch has no user database" : "distroless calls it nonroot";
            return new UserPlan(RuntimeUserCatalog.NumericNonRoot, RuntimeUserCatalog.NumericNonRoot, null, null, $"numeric: {where}");
        }

        // A non-root user the author switched to earlier and then left for root.
        foreach (var instruction in instructions.Where(i => i.Kind == InstructionKind.User && i != lastUser).Reverse())
        {
            var value = UserValue(instruction);
            if (value is not null && !IsRoot(value) && !value.Contains('$', StringComparison.Ordinal))
            {
                var imageUser = chain.BaseImage is { } baseImage ? RuntimeUserCatalog.OwnUser(baseImage) : null;
                var chown = value == imageUser ? imageUser + ":" + imageUser : value;
                return new UserPlan(value, chown, null, null, $"the user line {context.UserLine(instruction)} already switched to");
            }
        }

        if (CreatedUsers.In(instructions).LastOrDefault() is ({ } created, { } createdBy))
        {
            return new UserPlan(created, created, null, createdBy, $"created on line {context.UserLine(createdBy)}");
        }

        if (HandedOverUsers.In(context.Model, instructions).LastOrDefault() is ({ } handed, { } handedBy))
        {
            return new UserPlan(handed, handed, null, null, $"line {context.UserLine(handedBy)} hands the app's files to it");
        }

        if (chain.BaseImage is not { } image)
        {
            return null;
        }

        if (RuntimeUserCatalog.OwnUser(image) is { } own)
        {
            return new UserPlan(own, own + ":" + own, null, null, $"the {image.Name} image's own user");
        }

        return RuntimeUserCatalog.FamilyOf(image) switch
        {
            ImageFamily.Debian or ImageFamily.RedHat => new UserPlan("app", "app:app", ["groupadd --system app", "useradd --system --gid app --no-create-home app"], null, "a system user created for it"),
            ImageFamily.Alpine => new UserPlan("app", "app:app", ["addgroup -S app", "adduser -S -D -H -G app app"], null, "a system user created for it"),
            _ => null,
        };
    }

    private static int LastRunIndex(ImmutableArray<InstructionSyntax> instructions)
    {
        for (var i = instructions.Length - 1; i >= 0; i--)
        {
            if (instructions[i].Kind == InstructionKind.Run)
            {
                return i;
            }
        }

        return -1;
    }

    // True when a RUN of two commands (no mounts) added right after body[index], a RUN without mounts, makes tally's
    // prefer-run-heredoc report more (HeredocReports).
    private static bool StartsReportedRunGroup(DockerfileModel model, ImmutableArray<InstructionSyntax> body, int index) =>
        index >= 0 && HeredocReports.GroupKey(body[index]) == HeredocReports.GroupKey([])
        && HeredocReports.InsertingRises(model, body, index + 1, (HeredocReports.GroupKey([]), 2));

    // Before the first COPY/ADD (after the last RUN above it, where the packages are installed) the user's layer stays
    // cached when the app's files change: the setup RUN's index (or -1) and the first COPY's, or null when the user is
    // created right above the USER instead, with the hand-over (nothing copied before the USER). When the user's two
    // commands after the setup RUN would make a group of RUNs tally's prefer-run-heredoc reports and did not report
    // before, they go right above the USER instead, if no RUN comes just before it and no hand-over joins them: there the
    // RUN stands alone. It then reruns on a source edit, which costs a useradd (milliseconds), not a package install.
    private static (int SetupRun, int FirstCopy)? SetupRunPlacement(
        PassContext context, ImmutableArray<InstructionSyntax> body, int target, IReadOnlyList<string>? handOver)
    {
        var firstCopy = body.IndexOf(body.FirstOrDefault(i => i.Kind is InstructionKind.Copy or InstructionKind.Add)!);
        var setupRun = firstCopy >= 0 ? LastRunIndex(body[..firstCopy]) : -1;
        var aloneAboveUser = handOver is null && (target == 0 || !IsPlainRun(body[target - 1]));
        return firstCopy >= 0 && firstCopy < target && !(StartsReportedRunGroup(context.Model, body, setupRun) && aloneAboveUser)
            ? (setupRun, firstCopy)
            : null;
    }

    // Whether the user's own RUN (placed as Run places it) makes tally's prefer-run-heredoc report more of the stage:
    // the instruction it would sit next to, or null.
    private static InstructionSyntax? CreatingMakesHeredocReport(
        PassContext context, ImmutableArray<InstructionSyntax> body, int target, int userPoint, int commands)
    {
        var setup = SetupRunPlacement(context, body, target, handOver: null);
        var position = setup is { } s ? (s.SetupRun >= 0 ? s.SetupRun + 1 : s.FirstCopy) : target;
        (string? Key, int Count) run = (HeredocReports.GroupKey([]), commands);
        var rises = setup is null && target == userPoint
            ? HeredocReports.InsertingRises(context.Model, body, position, run, (null, 0)) // the USER right below it ends the group
            : HeredocReports.InsertingRises(context.Model, body, position, run);
        if (!rises)
        {
            return null;
        }

        return position > 0 && HeredocReports.GroupKey(body[position - 1]) is not null ? body[position - 1]
            : position < body.Length ? body[position] : body[^1];
    }

    private static bool IsPlainRun(InstructionSyntax instruction) => instruction.Kind == InstructionKind.Run && instruction.Flags.IsEmpty;


    // Where USER goes: after the last RUN (which may need root), in place of a trailing USER root, else above the
    // first CMD/ENTRYPOINT after that RUN and after the last COPY/ADD, else at the end of the stage (the index past its
    // last instruction). A USER does not change who owns what COPY copies, but a COPY without --chown below a USER
    // reads as if it did (tally's copy-after-user-without-chown): in `FROM scratch`, `ENTRYPOINT [...]`, `COPY
    // --from=build ...` the USER goes below the COPY, not above the ENTRYPOINT.
    private static int UserPoint(ImmutableArray<InstructionSyntax> body, InstructionSyntax? lastUser)
    {
        var lastRun = LastRunIndex(body);
        if (lastUser is not null && body.IndexOf(lastUser) > lastRun)
        {
            return body.IndexOf(lastUser);
        }

        var start = lastRun + 1;
        for (var i = body.Length - 1; i >= start; i--)
        {
            if (body[i].Kind is InstructionKind.Copy or InstructionKind.Add)
            {
                start = i + 1;
                break;
            }
        }

        for (var i = start; i < body.Length; i++)
        {
            if (body[i].Kind is InstructionKind.Cmd or InstructionKind.Entrypoint)
            {
                return i;
            }
        }

        return body.Length;
    }

    // Lines to run as root first (the RUN this pass adds) go right above the USER, with its grouped spacing.
    private static bool PlaceUser(PassContext context, StageModel final, InstructionSyntax? lastUser, string[] lines, ImmutableArray<TextEdit>.Builder edits, out InstructionSyntax anchor)
    {
        var body = final.Instructions;
        var point = UserPoint(body, lastUser);
        if (point < body.Length && body[point] == lastUser)
        {
            anchor = lastUser;
            if (context.IsIgnored(lastUser, Rule))
            {
                return false;
            }

            edits.Add(InstructionEdits.Replace(lastUser, InstructionEdits.JoinInstructions(context.Style, lines)));
            return true;
        }

        if (point < body.Length)
        {
            anchor = body[point];
            edits.Add(InstructionEdits.InsertBefore(context.Syntax, anchor, context.Style, lines));
            return true;
        }

        anchor = body.IsEmpty ? final.From : body[^1];
        edits.Add(InstructionEdits.InsertAfter(context.Syntax, anchor, context.Style, lines));
        return true;
    }

    // `mkdir -p` makes sure a VOLUME's folder exists (Docker would create it owned by root); chown hands over the
    // folder itself, not what was copied into it as root.
    private static string[] HandOverCommands(IReadOnlyList<RuntimeWrite> writes, UserPlan plan)
    {
        var paths = string.Join(' ', writes.Select(w => w.Path));
        return [$"mkdir -p {paths}", $"chown {plan.Chown} {paths}"];
    }

    // A RUN of its own for commands, one per continued line in the file's chain style.
    private static string OwnRun(PassContext context, IReadOnlyList<string> commands) =>
        InstructionEdits.Format(context.Style, "RUN", string.Join(ChainStyle.Sniff(context.Syntax, context.Style).Continued, commands));

    private static Finding OwnershipFinding(InstructionSyntax at, IReadOnlyList<RuntimeWrite> writes, UserPlan plan) =>
        PassContext.At(PassId, at, FindingKind.Applied,
            $"hands {Listed(writes)} to '{plan.User}': the app writes there at run time; its code stays root-owned, read-only for it", true);

    private static string Listed(IReadOnlyList<RuntimeWrite> writes) =>
        string.Join(", ", writes.Select(w => $"{w.Path} ({w.Why})"));

    // Files copied into a folder the app writes to at run time become the user's; every other COPY stays root-owned,
    // so the app cannot rewrite its own code.
    private static void AddOwnership(PassContext context, StageModel final, UserPlan plan, IReadOnlyList<RuntimeWrite> writes, ImmutableArray<TextEdit>.Builder edits, ImmutableArray<Finding>.Builder findings)
    {
        if (writes.Count == 0)
        {
            return;
        }

        var chain = StageChain.Of(context.Model, final);
        var before = StageWorkdirs.Before(chain, out _);
        var userExists = plan.CreatedBy is null || final.Instructions.IndexOf(plan.CreatedBy) < 0;
        foreach (var copy in final.Instructions)
        {
            if (plan.CreatedBy is not null && copy == plan.CreatedBy)
            {
                userExists = true;
            }

            if (copy.Kind is not (InstructionKind.Copy or InstructionKind.Add) || !copy.Heredocs.IsEmpty || copy.GetFlag("chown") is not null)
            {
                continue;
            }

            var destination = RuntimeWrites.Destination(copy);
            var resolved = destination is null ? null : StageWorkdirs.Resolve(before.GetValueOrDefault(copy), destination);
            if (resolved is null || writes.FirstOrDefault(w => StageWorkdirs.IsWithin(resolved, w.Path)) is not { } write)
            {
                continue;
            }

            if (!userExists)
            {
                findings.Add(PassContext.At(PassId, copy, FindingKind.Declined, $"{copy.KeywordUpper} into {write.Path} stays root-owned: user '{plan.User}' is created only on line {context.UserLine(plan.CreatedBy!)}"));
                continue;
            }

            if (context.IsIgnored(copy, Rule))
            {
                continue;
            }

            edits.Add(InstructionEdits.AddFlag(copy, "--chown=" + plan.Chown));
            findings.Add(PassContext.At(PassId, copy, FindingKind.Applied,
                $"{copy.KeywordUpper} {Copied(copy, plan.Chown)}: the app writes to {write.Path} at run time ({write.Why})", true));
        }
    }

    // What the COPY copies, so two of them stay two findings even where a rewrite puts both on one reported line.
    private static string Copied(InstructionSyntax copy, string chown)
    {
        var from = copy.GetFlag("from") is { Value: { } stage } ? $"--from={stage} " : string.Empty;
        var paths = copy.Arguments switch
        {
            WordArguments words => words.Words.Select(w => w.Value),
            ExecFormArguments exec => exec.Elements.Select(e => e.Value),
            _ => [],
        };
        return $"{from}--chown={chown} {string.Join(' ', paths)}";
    }

    private sealed record UserPlan(string User, string Chown, IReadOnlyList<string>? CreateCommands, InstructionSyntax? CreatedBy, string Source);
}