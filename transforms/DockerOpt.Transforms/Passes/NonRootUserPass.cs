using System.Collections.Immutable;

using DockerOpt.Core.Editing;
using DockerOpt.Core.Model;
using DockerOpt.Core.Passes;
using DockerOpt.Core.Shell;
using DockerOpt.Syntax;
using DockerOpt.Transforms.Layers;
using DockerOpt.Transforms.Runtime;

namespace DockerOpt.Transforms.Passes;

/// <summary>
/// Makes the final stage run as a non-root user: the image's own user (<c>node</c>), a user the Dockerfile already
/// creates, a created system user (Debian/Red Hat <c>useradd</c>, Alpine <c>adduser -S</c>), or the numeric
/// <c>65532:65532</c> on scratch and distroless. The app's code stays root-owned, read-only for that user: only the
/// folders the image shows are written at run time (a VOLUME, a data/logs/tmp/uploads folder it creates) are handed
/// to it, with the files copied into them.
/// </summary>
public sealed class NonRootUserPass : IRewritePass
{
    public const string PassId = "non-root-user";

    private const string Rule = "DL3002";

    public PassInfo Info { get; } = new(
        PassId,
        "Run as a non-root user",
        "Adds USER to the final stage (after its last RUN, before CMD/ENTRYPOINT) so the container does not run as "
        + "root: the image's own user (node), a user the Dockerfile already creates, a created system user on "
        + "Debian/Red Hat/Alpine images, or 65532:65532 on scratch and distroless. The app's code stays root-owned and "
        + "read-only for that user; only folders the image shows are written at run time (a VOLUME, a data, logs, tmp "
        + "or uploads folder it creates) are handed to it (mkdir -p + chown, COPY --chown into them). Declines when the "
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

        var lastRun = final.Instructions.LastOrDefault(i => i.Kind == InstructionKind.Run);
        // Where in the stage the user starts to exist: a hand-over before it would name an unknown user.
        var userFrom = plan.CreatedBy is { } author ? final.Instructions.IndexOf(author) : -1;
        // The classic builder drops what a RUN changes in a volume after its VOLUME: hand folders over before it.
        var firstVolume = final.Instructions.FirstOrDefault(i => i.Kind == InstructionKind.Volume);
        var edits = ImmutableArray.CreateBuilder<TextEdit>();
        if (plan.CreateCommands is not null)
        {
            if (PlaceUserCreation(context, final, plan.CreateCommands) is not var (edit, at, isNewRun))
            {
                findings.Add(PassContext.At(PassId, from, FindingKind.Declined,
                    "runs as root: every place to create a user sits next to a RUN that later passes would merge it into, and no RUN there is a plain && chain to extend; add a system user and USER by hand"));
                return PassResult.FindingsOnly(findings);
            }

            // Created after every RUN of the stage (and before any VOLUME): the folders exist by then, so the same RUN
            // hands them over.
            if (handOver is not null && isNewRun && (lastRun is null || final.Instructions.IndexOf(at) >= final.Instructions.IndexOf(lastRun))
                && (firstVolume is null || final.Instructions.IndexOf(at) < final.Instructions.IndexOf(firstVolume))
                && PlaceUserCreation(context, final, [.. plan.CreateCommands, .. handOver]) is var (combined, _, _))
            {
                edit = combined;
                handOver = null;
                findings.Add(OwnershipFinding(at, writes, plan));
            }

            edits.Add(edit);
            userFrom = final.Instructions.IndexOf(at) + (isNewRun ? 1 : 0);
            findings.Add(PassContext.At(PassId, at, FindingKind.Applied, $"creates the system user '{plan.User}' for the app to run as", true));
        }

        var before = new List<string>();
        if (handOver is not null)
        {
            var volumeFirst = firstVolume is not null && lastRun is not null && final.Instructions.IndexOf(firstVolume) < final.Instructions.IndexOf(lastRun);
            var place = volumeFirst ? HandOver.Nowhere : HandOverPlace(context, lastRun);
            var target = place == HandOver.AppendToLastRun ? final.Instructions.IndexOf(lastRun!)
                : firstVolume is not null ? final.Instructions.IndexOf(firstVolume) : final.Instructions.Length;
            volumeFirst |= userFrom > target;
            switch (userFrom > target ? HandOver.Nowhere : place)
            {
                case HandOver.AppendToLastRun:
                    edits.Add(RunEditing.Append(RunCommand.TryRead(lastRun!)!, handOver, [], ChainStyle.Sniff(context.Syntax, context.Style)));
                    findings.Add(OwnershipFinding(lastRun!, writes, plan));
                    break;
                case HandOver.OwnRun when firstVolume is not null:
                    edits.Add(InstructionEdits.InsertBefore(context.Syntax, firstVolume, context.Style, OwnRun(context, handOver)));
                    findings.Add(OwnershipFinding(firstVolume, writes, plan));
                    break;
                case HandOver.OwnRun:
                    before.Add(OwnRun(context, handOver));
                    findings.Add(OwnershipFinding(lastRun ?? final.From, writes, plan));
                    break;
                default:
                    var why = volumeFirst
                        ? "no place before its VOLUME comes after every RUN and after the user exists"
                        : "the last RUN is no plain && chain that could also hand them over (a RUN of its own would be merged into it)";
                    findings.Add(PassContext.At(PassId, lastRun ?? from, FindingKind.Declined,
                        $"runs as root: the app writes to {Listed(writes)} at run time, and {why}; add a chown and a USER by hand"));
                    return PassResult.FindingsOnly([.. findings.Where(f => f.Kind != FindingKind.Applied)]);
            }
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

    // The user must exist before the first COPY that chowns to it. A RUN of its own right next to another plain RUN
    // would be merged into it by merge-run on the next rewrite, so the creation goes where no plain RUN is a
    // neighbour, or at the front of the first plain && chain (what merge-run would have made of it anyway). Each
    // command goes on its own continued line in the file's chain style: one line holding `a && b` is what peer
    // linters (tally's newline-per-chained-call) report.
    private static (TextEdit Edit, InstructionSyntax At, bool IsNewRun)? PlaceUserCreation(PassContext context, StageModel final, IReadOnlyList<string> commands)
    {
        var fileStyle = ChainStyle.Sniff(context.Syntax, context.Style);
        var body = final.Instructions;
        var limit = body.Length;
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i].Kind is InstructionKind.Copy or InstructionKind.Add)
            {
                limit = i;
                break;
            }
        }

        for (var position = 0; position <= limit; position++)
        {
            var previousIsRun = position > 0 && IsPlainRun(body[position - 1]);
            var nextIsRun = position < body.Length && IsPlainRun(body[position]);
            if (!previousIsRun && !nextIsRun)
            {
                var after = position == 0 ? final.From : body[position - 1];
                return (InstructionEdits.InsertAfter(context.Syntax, after, context.Style, InstructionEdits.Format(context.Style, "RUN", string.Join(fileStyle.Continued, commands))), after, true);
            }
        }

        foreach (var run in body.Take(limit).Where(IsPlainRun))
        {
            var shell = (ShellFormArguments)run.Arguments;
            var script = ShellParser.Parse(shell.CommandText);
            if (!context.IsIgnored(run, Rule) && script.IsFullyUnderstood && script.IsSingleAndChain && ScriptTraits.SetsVariable(script) is null)
            {
                var style = fileStyle.For(run);
                return (TextEdit.Insert(shell.ToSourceOffset(0), string.Join(style.Continued, commands) + style.Continued), run, false);
            }
        }

        return null;
    }

    // A RUN merge-run could merge with a flag-less RUN next to it.
    private static bool IsPlainRun(InstructionSyntax instruction) =>
        instruction.Kind == InstructionKind.Run && instruction.Flags.IsEmpty && instruction.Heredocs.IsEmpty
        && instruction.Arguments is ShellFormArguments;

    // USER goes after the last RUN (which may need root) and before CMD/ENTRYPOINT; a trailing USER root is replaced.
    // Lines to run as root first (handing folders over) go right above it.
    private static bool PlaceUser(PassContext context, StageModel final, InstructionSyntax? lastUser, string[] lines, ImmutableArray<TextEdit>.Builder edits, out InstructionSyntax anchor)
    {
        var body = final.Instructions;
        var lastRun = -1;
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i].Kind == InstructionKind.Run)
            {
                lastRun = i;
            }
        }

        if (lastUser is not null && body.IndexOf(lastUser) > lastRun)
        {
            anchor = lastUser;
            if (context.IsIgnored(lastUser, Rule))
            {
                return false;
            }

            edits.Add(InstructionEdits.Replace(lastUser, InstructionEdits.JoinInstructions(context.Style, lines)));
            return true;
        }

        var start = lastRun + 1;
        var runtime = body.Skip(start).FirstOrDefault(i => i.Kind is InstructionKind.Cmd or InstructionKind.Entrypoint);
        if (runtime is not null)
        {
            anchor = runtime;
            edits.Add(InstructionEdits.InsertBefore(context.Syntax, runtime, context.Style, lines));
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

    // Where the hand-over can run: after every RUN of the stage (the folders exist by then, the user too). Appended
    // to the last RUN when it is a plain && chain; a RUN of its own where merge-run would not fold it into that RUN
    // on the next rewrite (no RUN at all, or one with flags, heredocs or exec form); else nowhere.
    private static HandOver HandOverPlace(PassContext context, InstructionSyntax? lastRun)
    {
        if (lastRun is null || !IsPlainRun(lastRun))
        {
            return HandOver.OwnRun;
        }

        var shell = (ShellFormArguments)lastRun.Arguments;
        var script = ShellParser.Parse(shell.CommandText);
        return !context.IsIgnored(lastRun, Rule) && script.IsFullyUnderstood && script.IsSingleAndChain && !shell.CommandText.Contains('#', StringComparison.Ordinal)
            ? HandOver.AppendToLastRun
            : HandOver.Nowhere;
    }

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

    private enum HandOver
    {
        Nowhere,
        AppendToLastRun,
        OwnRun,
    }

    private sealed record UserPlan(string User, string Chown, IReadOnlyList<string>? CreateCommands, InstructionSyntax? CreatedBy, string Source);
}