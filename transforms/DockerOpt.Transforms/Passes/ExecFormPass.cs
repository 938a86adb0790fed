using System.Collections.Immutable;

using DockerOpt.Core.Editing;
using DockerOpt.Core.Model;
using DockerOpt.Core.Passes;
using DockerOpt.Core.Shell;
using DockerOpt.Syntax;
using DockerOpt.Transforms.ExecForm;
using DockerOpt.Transforms.Runtime;

namespace DockerOpt.Transforms.Passes;

/// <summary>
/// Hygiene that does not change the image's size: CMD/ENTRYPOINT in exec form, <c>LABEL maintainer=</c> instead of
/// the deprecated MAINTAINER, and advice where a RUN starts with <c>cd</c> or an ENV/LABEL uses the legacy
/// <c>key value</c> form. The legacy form is advice, not a change: the image is the same either way and the rewrite
/// only silenced BuildKit's LegacyKeyValueFormat warning, which the independent precision review (docs/precision.md,
/// AFTER) rated noise on every one of its 13 lines.
/// </summary>
public sealed class ExecFormPass : IRewritePass
{
    public const string PassId = "exec-form";

    private const string ExecFormRule = "DL3025";
    private const string WorkdirRule = "DL3003";
    private const string MaintainerRule = "DL4000";

    public PassInfo Info { get; } = new(
        PassId,
        "Exec form and instruction hygiene",
        "Writes CMD and ENTRYPOINT in exec form when the shell form is one plain command (so the program is PID 1 and "
        + "receives stop signals) and MAINTAINER as 'LABEL maintainer='; advises WORKDIR where a RUN starts with cd, and "
        + "'key=value' where ENV or LABEL uses the legacy 'key value' form (BuildKit warns LegacyKeyValueFormat; the image "
        + "is the same, so dockeropt does not rewrite it). Keeps the shell form when the command "
        + "needs a shell (&&, pipes, redirections, variables, globs, ~, builtins), when CMD gives the arguments of an "
        + "exec-form ENTRYPOINT, when an ENTRYPOINT would start receiving a CMD of the same stage, after a SHELL "
        + "instruction, and in Windows files. HEALTHCHECK and ONBUILD are not touched.",
        PassCategory.Hygiene,
        PassSafety.Safe,
        [
            "command needs a shell (&&, ||, ;, |, redirections, $VAR, $(...), globs, ~, NAME=value prefixes, builtins, comments)",
            "CMD that gives the arguments of an exec-form ENTRYPOINT (its shell form passes /bin/sh -c ...)",
            "shell-form ENTRYPOINT in a stage that also sets CMD (exec form would start passing CMD to it)",
            "stages after a SHELL instruction and Windows files (escape=` or a Windows base)",
            "legacy 'ENV key value' and 'LABEL key value': advice only, because key=value builds the same image",
            "RUN cd DIR && ...: advice only, because WORKDIR would also move every later instruction",
            "HEALTHCHECK, ONBUILD and heredoc commands",
        ],
        "FROM node:20-slim\nWORKDIR /app\nCMD node server.js\n",
        "FROM node:20-slim\nWORKDIR /app\nCMD [\"node\", \"server.js\"]\n",
        [ExecFormRule, WorkdirRule, MaintainerRule])
    {
        Roles = RolePolicy.Everywhere("MAINTAINER syntax applies to every kind of image; CMD/ENTRYPOINT are put in exec form only in leaf apps, because the form decides how images built FROM a base image or run by CI pass arguments to them"),
    };

    public PassResult Run(PassContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var edits = ImmutableArray.CreateBuilder<TextEdit>();
        var findings = ImmutableArray.CreateBuilder<Finding>();
        var separator = JsonArrayWriter.SeparatorOf(context.Syntax);

        foreach (var instruction in context.Syntax.Instructions)
        {
            if (instruction.IsNested || !instruction.Heredocs.IsEmpty)
            {
                continue;
            }

            var change = instruction.Kind switch
            {
                InstructionKind.Cmd or InstructionKind.Entrypoint => ExecForm(context, instruction, separator),
                InstructionKind.Env or InstructionKind.Label => LegacyKeyValueAdvice(context, instruction),
                InstructionKind.Maintainer => Maintainer(context, instruction),
                InstructionKind.Run => LeadingCd(context.Model, instruction),
                _ => null,
            };

            if (change is null)
            {
                continue;
            }

            // A pragma that switches the pass (or the rule) off here also silences its advice: lint reports advice too.
            if (change.Kind == FindingKind.Advice && context.IsIgnored(instruction, change.HadolintId))
            {
                continue;
            }

            if (change.Edit is not null && context.IsIgnored(instruction, change.HadolintId))
            {
                var what = context.IsIgnored(instruction) ? PassId : change.HadolintId;
                findings.Add(PassContext.At(PassId, instruction, FindingKind.Declined, $"left as is: a pragma switches {what} off here", hadolintId: change.HadolintId));
                continue;
            }

            if (change.Edit is not null)
            {
                edits.Add(change.Edit);
            }

            findings.Add(PassContext.At(PassId, instruction, change.Kind, change.Message, hadolintId: change.HadolintId));
        }

        return new PassResult(edits.ToImmutable(), findings.ToImmutable(), []);
    }

    private static Change? ExecForm(PassContext context, InstructionSyntax instruction, string separator)
    {
        if (instruction.Arguments is not ShellFormArguments shell)
        {
            return null;
        }

        var keyword = instruction.KeywordUpper;
        if (!context.Model.Role.IsLeafApp)
        {
            return Change.Declined($"{keyword} kept in shell form: treated as a {context.Model.Role.Describe()}; the form decides how the images built FROM it and the people who run it pass arguments");
        }

        var stage = StageChain.StageOf(context.Model, instruction);
        if (stage is null)
        {
            return null;
        }

        var chain = StageChain.Of(context.Model, stage);
        var shellLess = RuntimeImage.HasNoShell(chain);
        if (RuntimeImage.IsWindows(chain, context.Syntax))
        {
            return Change.Declined($"{keyword} kept in shell form: on Windows the shell is cmd or PowerShell, whose quoting dockeropt does not model");
        }

        if (chain.AllInstructions().Any(i => i.Kind == InstructionKind.Shell && i.Span.Start < instruction.Span.Start))
        {
            return Change.Declined($"{keyword} kept in shell form: a SHELL instruction changed the shell it runs with");
        }

        var (argv, reason) = SimpleCommandReader.Read(shell.CommandText);
        if (reason is not null)
        {
            return shellLess
                ? Change.Advice($"{keyword} cannot start: {Describe(chain)} has no /bin/sh and this shell form needs one, because {reason}; write it as an exec-form array", ExecFormRule)
                : Change.Declined($"{keyword} kept in shell form: {reason}");
        }

        if (instruction.Kind == InstructionKind.Cmd)
        {
            var entrypoint = chain.LastInEffect(InstructionKind.Entrypoint);
            if (entrypoint?.Form == InstructionForm.Exec)
            {
                return Change.Declined($"CMD kept in shell form: it gives the arguments of the exec-form ENTRYPOINT on line {context.UserLine(entrypoint)}, which now receives '/bin/sh -c ...'; exec form would change them");
            }

            if (entrypoint?.Form == InstructionForm.Shell)
            {
                return Change.Declined($"CMD kept in shell form: the shell-form ENTRYPOINT on line {context.UserLine(entrypoint)} ignores CMD");
            }
        }
        else if (stage.OfKind(InstructionKind.Cmd).FirstOrDefault() is { } cmd)
        {
            return Change.Declined($"ENTRYPOINT kept in shell form: exec form would start passing the CMD on line {context.UserLine(cmd)} to it as arguments");
        }

        var json = JsonArrayWriter.Write(argv, separator);
        var why = instruction.Kind == InstructionKind.Cmd
            ? $"CMD in exec form {json}: the program runs as PID 1 without /bin/sh in between and receives stop signals"
            : $"ENTRYPOINT in exec form {json}: the program runs as PID 1 and receives stop signals; arguments given to 'docker run' are now passed to it instead of being ignored";
        if (shellLess)
        {
            why += $"; on {Describe(chain)} the shell form could not even start (no /bin/sh)";
        }

        return Change.Applied(new TextEdit(shell.Span, json), why, ExecFormRule);
    }

    // BuildKit's LegacyKeyValueFormat check: the exact text that silences it, or how to write it by hand when the
    // value's quoting cannot be carried over exactly.
    private static Change? LegacyKeyValueAdvice(PassContext context, InstructionSyntax instruction)
    {
        if (instruction.Arguments is not KeyValueArguments { IsLegacyForm: true, Pairs.Length: 1 } pairs)
        {
            return null;
        }

        var pair = pairs.Pairs[0];
        var keyword = instruction.KeywordUpper;
        var rewritten = LegacyKeyValue.Rewrite(pair.Key.Value, pair.Value.Value, context.Syntax.EscapeChar);
        var fix = rewritten is null
            ? $"write it as {keyword} {pair.Key.Value}=\"...\" by hand (its value mixes quotes or escapes with spaces, so dockeropt does not guess the quoting)"
            : $"write it as {keyword} {rewritten}";
        return Change.Advice(
            $"legacy '{keyword} {pair.Key.Value} value' left as is: BuildKit warns LegacyKeyValueFormat ('{keyword} key=value' should be used instead of the legacy '{keyword} key value' format); the image is the same either way; to silence the warning, {fix}",
            hadolintId: null);
    }

    private static Change? Maintainer(PassContext context, InstructionSyntax instruction)
    {
        if (instruction.Arguments is not WordArguments { Words.Length: 1 } words)
        {
            return null;
        }

        var value = words.Words[0].Value.Trim();
        if (value.IndexOfAny(['"', '$', '\\', '`', context.Syntax.EscapeChar]) >= 0 || value.Length == 0)
        {
            return Change.Declined("MAINTAINER is deprecated (DL4000) but kept: its text has quotes, $ or escapes that a LABEL would treat differently");
        }

        var label = InstructionEdits.Format(context.Style, "LABEL", $"maintainer=\"{value}\"");
        return Change.Applied(InstructionEdits.Replace(instruction, label), "deprecated MAINTAINER written as LABEL maintainer=...", MaintainerRule);
    }

    private static Change? LeadingCd(DockerfileModel model, InstructionSyntax instruction)
    {
        if (instruction.Arguments is not ShellFormArguments shell)
        {
            return null;
        }

        var script = model.ParseShell(shell.CommandText);
        if (script.Commands.Length < 2 || script.Commands[0].Simple is not { } first || first.Name?.Is("cd") != true
            || first.Arguments.Length != 1 || script.Commands[1].Connector != ShellConnector.And)
        {
            return null;
        }

        var directory = first.Arguments[0].Text;
        return Change.Advice($"RUN starts with 'cd {directory}': prefer 'WORKDIR {directory}'; not rewritten, because WORKDIR would also move every instruction after this RUN", WorkdirRule);
    }

    private static string Describe(StageChain chain) => chain.IsScratch ? "scratch" : chain.BaseImage?.Text ?? "this image";

    private sealed record Change(TextEdit? Edit, FindingKind Kind, string Message, string? HadolintId)
    {
        public static Change Applied(TextEdit edit, string message, string? hadolintId = null) => new(edit, FindingKind.Applied, message, hadolintId);

        public static Change Declined(string message) => new(null, FindingKind.Declined, message, null);

        public static Change Advice(string message, string? hadolintId) => new(null, FindingKind.Advice, message, hadolintId);
    }
}