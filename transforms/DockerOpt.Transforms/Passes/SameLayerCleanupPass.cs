using System.Collections.Immutable;

using DockerOpt.Core.Editing;
using DockerOpt.Core.Model;
using DockerOpt.Core.Passes;
using DockerOpt.Core.Shell;
using DockerOpt.Syntax;
using DockerOpt.Transforms.Layers;

namespace DockerOpt.Transforms.Passes;

/// <summary>
/// A RUN that only deletes what an earlier RUN of the same stage left behind (package lists and caches, downloaded
/// archives, /tmp) saves nothing: the bytes stay in the earlier layer. This pass moves the deletion to the end of
/// the RUN that created them and removes the cleanup RUN.
/// </summary>
public sealed class SameLayerCleanupPass : IRewritePass
{
    public const string Id = "same-layer-cleanup";

    public PassInfo Info { get; } = new(
        Id,
        "Clean up in the layer that created the files",
        "Folds a RUN that only deletes package caches, package lists, downloaded archives or /tmp content into the " +
        "earlier RUN of the same stage that created them, so the bytes never reach a layer. Skips: RUNs that also do " +
        "something else, exec-form and heredoc RUNs, RUNs with different --mount/--network/--security flags, anything " +
        "in between that uses the deleted files (the same package manager, the file's name, a COPY over a deleted " +
        "download), USER/SHELL/VOLUME in between, an earlier RUN whose script ends the shell or has a # comment, " +
        "non-POSIX shells and Windows stages, and pragmas.",
        PassCategory.Size,
        PassSafety.Safe,
        [
            "the cleanup RUN does anything besides deleting",
            "something between the two RUNs uses the deleted files",
            "USER, SHELL or VOLUME between the two RUNs",
            "different RUN flags, exec form, heredocs",
            "the creating RUN exits, backgrounds, or has a shell comment",
        ],
        "RUN apt-get update && apt-get install -y curl\nRUN rm -rf /var/lib/apt/lists/*\n",
        "RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n",
        [])
    {
        Roles = RolePolicy.Everywhere("cleaning up in the layer that made the mess leaves the same files in the image, so it applies to every kind of image"),
    };

    public PassResult Run(PassContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var edits = ImmutableArray.CreateBuilder<TextEdit>();
        var findings = ImmutableArray.CreateBuilder<Finding>();
        var environments = RunEnvironment.ForAll(context.Model);
        var chainStyle = ChainStyle.Sniff(context.Syntax, context.Style);
        var usedAsTarget = new HashSet<int>();
        var deleted = new HashSet<int>();

        foreach (var stage in context.Model.Stages)
        {
            for (var i = 0; i < stage.Instructions.Length; i++)
            {
                var instruction = stage.Instructions[i];
                if (context.Model.RunOf(instruction) is not { } cleanupRun || !IsCleanupOnly(cleanupRun, out var cleanups))
                {
                    continue;
                }

                var outcome = Fold(context, stage, i, cleanupRun, cleanups, environments, chainStyle, usedAsTarget, deleted);
                if (outcome.Finding is not null)
                {
                    findings.Add(outcome.Finding);
                }

                edits.AddRange(outcome.Edits);
            }
        }

        return new PassResult(edits.ToImmutable(), findings.ToImmutable(), []);
    }

    private static (ImmutableArray<TextEdit> Edits, Finding? Finding) Fold(
        PassContext context,
        StageModel stage,
        int index,
        RunCommand cleanupRun,
        IReadOnlyList<Cleanup> cleanups,
        IReadOnlyDictionary<int, RunEnvironment> environments,
        ChainStyle chainStyle,
        HashSet<int> usedAsTarget,
        HashSet<int> deleted)
    {
        var instruction = cleanupRun.Instruction;
        Finding Declined(string why) => PassContext.At(Id, instruction, FindingKind.Declined, $"this RUN only deletes files but was not folded into an earlier RUN: {why}");

        if (context.IsIgnored(instruction))
        {
            return ([], Declined("a pragma shields it"));
        }

        if (environments[instruction.Span.Start].WhyNotPosix is { } notPosix)
        {
            return ([], Declined(notPosix));
        }

        var managers = cleanups.SelectMany(c => c.Caches).Distinct().ToList();
        var paths = cleanups.SelectMany(c => c.Paths).Distinct(StringComparer.Ordinal).ToList();
        var scratch = paths.Where(Cleanup.IsScratch).ToList();
        var files = paths.Where(p => !Cleanup.IsScratch(p)).ToList();

        RunCommand? creator = null;
        for (var j = index - 1; j >= 0; j--)
        {
            var between = stage.Instructions[j];
            var text = between.FullText;
            if (between.Kind == InstructionKind.Run)
            {
                var candidate = context.Model.RunOf(between);
                var creates = candidate is not null
                    && (managers.Any(m => candidate.Script.SimpleCommands.Any(c => PackageInvocation.Read(candidate, c, m) is not null))
                        || (files.Count > 0 && files.All(f => Downloads.Files(candidate.Script).Contains(f))));
                if (creates)
                {
                    creator = candidate;
                    break;
                }

                if (managers.FirstOrDefault(m => TextMentions.MentionsManager(text, m)) is { } user)
                {
                    return ([], Declined($"the RUN at line {context.UserLine(between)} uses {user.Id} but cannot take the cleanup"));
                }

                if (files.Concat(scratch).FirstOrDefault(p => TextMentions.MentionsPath(text, p)) is { } usedPath)
                {
                    return ([], Declined($"the RUN at line {context.UserLine(between)} uses {usedPath}"));
                }

                continue;
            }

            switch (between.Kind)
            {
                case InstructionKind.User:
                    return ([], Declined($"USER changes at line {context.UserLine(between)}"));
                case InstructionKind.Shell:
                    return ([], Declined($"SHELL changes at line {context.UserLine(between)}"));
                case InstructionKind.Volume:
                    return ([], Declined($"VOLUME at line {context.UserLine(between)} (changes below a volume are discarded)"));
                case InstructionKind.Workdir when files.Any(f => !f.StartsWith('/')):
                    return ([], Declined($"WORKDIR changes at line {context.UserLine(between)} and the deleted paths are relative"));
                case InstructionKind.Copy or InstructionKind.Add when files.Count > 0 || scratch.Count > 0:
                    return ([], Declined($"{between.KeywordUpper} at line {context.UserLine(between)} may write the deleted paths"));
                default:
                    break;
            }
        }

        if (creator is null)
        {
            // Nothing in this stage created the files (they come from the base image): there is no layer to fold into.
            return ([], null);
        }

        var target = creator.Instruction;
        if (context.IsIgnored(target))
        {
            return ([], Declined($"a pragma shields the RUN at line {context.UserLine(target)}"));
        }

        if (!string.Equals(creator.FlagsKey, cleanupRun.FlagsKey, StringComparison.Ordinal))
        {
            return ([], Declined($"the RUN at line {context.UserLine(target)} has different flags"));
        }

        if (ScriptTraits.WhyNotChainable(creator.Script) is { } why)
        {
            return ([], Declined($"the RUN at line {context.UserLine(target)} cannot take more commands: {why}"));
        }

        var comments = RunEditing.AttachedComments(context.Syntax, instruction);
        if (comments.Any(RunEditing.IsPragma))
        {
            return ([], Declined("a pragma comment above it would lose its instruction"));
        }

        if (!usedAsTarget.Add(target.Span.Start) || deleted.Contains(target.Span.Start))
        {
            return ([], Declined($"the RUN at line {context.UserLine(target)} already takes another cleanup in this pass; run again"));
        }

        deleted.Add(instruction.Span.Start);
        var existing = creator.Script.SimpleCommands.Select(c => c.Text).ToHashSet(StringComparer.Ordinal);
        var commands = cleanups.Select(c => c.Command.Text).Where(c => !existing.Contains(c)).Distinct(StringComparer.Ordinal).ToList();
        var builder = ImmutableArray.CreateBuilder<TextEdit>();
        if (commands.Count > 0)
        {
            builder.Add(RunEditing.Append(creator, commands, [.. comments.Select(c => c.Comment.Text)], chainStyle));
        }

        var start = comments.IsEmpty ? instruction.FullSpan.Start : comments[0].FullSpan.Start;
        builder.Add(TextEdit.Delete(TextSpan.FromBounds(start, instruction.FullSpan.End)));
        var what = string.Join(" && ", cleanups.Select(c => c.Command.Text));
        var message = commands.Count == 0
            ? $"removed `{what}`: the RUN at line {context.UserLine(target)} that created the files already deletes them"
            : $"moved `{what}` into the RUN at line {context.UserLine(target)} that created the files (in a separate RUN they stay in that earlier layer)";
        return (builder.ToImmutable(), PassContext.At(Id, instruction, FindingKind.Applied, message));
    }

    private static bool IsCleanupOnly(RunCommand run, out IReadOnlyList<Cleanup> cleanups)
    {
        var found = new List<Cleanup>();
        cleanups = found;
        if (!run.Script.IsFullyUnderstood || run.HasShellComment || !run.Script.HereDocs.IsEmpty)
        {
            return false;
        }

        foreach (var entry in run.Script.Commands)
        {
            if (entry.Depth != 0 || entry.Connector is not (ShellConnector.None or ShellConnector.And or ShellConnector.Semicolon)
                || entry.Simple is not { } simple || Cleanup.Read(simple) is not { } cleanup)
            {
                return false;
            }

            found.Add(cleanup);
        }

        // Deleting only scratch space with no package cache or download says nothing about which RUN created it.
        return found.Count > 0 && found.Any(c => c.Caches.Count > 0 || c.Paths.Any(p => !Cleanup.IsScratch(p)));
    }
}