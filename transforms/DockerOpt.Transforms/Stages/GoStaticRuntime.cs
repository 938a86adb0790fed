using System.Collections.Immutable;

using DockerOpt.Core.Editing;
using DockerOpt.Core.Model;
using DockerOpt.Core.Passes;
using DockerOpt.Syntax;
using DockerOpt.Transforms.Ecosystems;
using DockerOpt.Transforms.ExecForm;

namespace DockerOpt.Transforms.Stages;

/// <summary>
/// An already multi-stage Go file whose runtime stage is a glibc image (<c>debian:bookworm-slim</c>,
/// <c>gcr.io/distroless/base-debian12</c>) holding nothing but the Go binary and apt's CA certificates: the binary can
/// be static (<c>CGO_ENABLED=0</c>: no <c>import "C"</c>, no cgo module), and then distroless static carries all it
/// needs (CA bundle, tzdata, /etc/passwd) without a package manager, shell or libc. The plan says why not otherwise.
/// </summary>
public sealed record GoStaticRuntime(ImmutableArray<TextEdit> Edits, string? Applied, string? Declined)
{
    public const string Target = "gcr.io/distroless/static-debian12";

    // glibc runtimes a static binary does not need: the repositories (with their registry) this plan replaces.
    private static readonly ImmutableArray<string> GlibcRuntimes =
    [
        "debian", "ubuntu", "gcr.io/distroless/base", "gcr.io/distroless/base-debian11", "gcr.io/distroless/base-debian12",
        "gcr.io/distroless/base-nossl-debian12", "gcr.io/distroless/cc", "gcr.io/distroless/cc-debian12",
    ];

    // What a runtime stage installs for a Go binary that distroless static already ships.
    private static readonly ImmutableHashSet<string> ShippedByDistrolessStatic = ["ca-certificates", "tzdata"];

    // Programs whose RUNs only install those packages and tidy up after apt.
    private static readonly ImmutableHashSet<string> AptHousekeeping = ["apt-get", "apt", "rm", "update-ca-certificates", "true"];

    // Users that distroless static's /etc/passwd knows by name.
    private static readonly ImmutableHashSet<string> DistrolessUsers = ["root", "nonroot", "nobody"];

    private static readonly ImmutableArray<string> SearchPath = ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"];

    private static GoStaticRuntime Decline(string why) => new([], null, why);

    /// <summary>The plan for the final stage of <paramref name="context"/>'s file; null when it is not a Go runtime on a glibc image.</summary>
    public static GoStaticRuntime? Plan(PassContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var model = context.Model;
        if (!model.IsMultiStage || model.FinalStage is not { } final || final.BaseKind != StageBaseKind.ExternalImage || final.BaseImage is not { } image)
        {
            return null;
        }

        var repository = image.Registry is null ? image.Path : $"{image.Registry}/{image.Path}";
        if (!GlibcRuntimes.Contains(repository))
        {
            return null;
        }

        var binaries = GoBinariesCopied(model, final).ToList();
        if (binaries.Count == 0)
        {
            return null;
        }

        var from = $"the runtime stays on {image.Text}";
        if (context.IsIgnored(final.From))
        {
            return Decline($"{from}: a dockeropt pragma keeps it");
        }

        if (image.IsDigestPinned || image.HasVariables)
        {
            return Decline($"{from}: the image is pinned by digest or named with variables");
        }

        var facts = StageFacts.Of(model, final);
        if (facts.Unreadable.FirstOrDefault() is { } unreadable)
        {
            return Decline($"{from}: the command at line {context.UserLine(unreadable)} is not fully understood");
        }

        if (final.Instructions.FirstOrDefault(i => i.Kind is InstructionKind.Healthcheck or InstructionKind.Shell or InstructionKind.Onbuild) is { } odd)
        {
            return Decline($"{from}: {odd.KeywordUpper} at line {context.UserLine(odd)} needs a shell or tools that distroless static lacks");
        }

        if (facts.Commands.FirstOrDefault(c => c.Instruction.Kind == InstructionKind.Run && !AptHousekeeping.Contains(c.Tool.Program)) is { } run)
        {
            return Decline($"{from}: line {context.UserLine(run.Instruction)} runs '{run.Tool}', which needs a shell and may make files the binary uses");
        }

        if (facts.InstalledPackages.FirstOrDefault(p => !ShippedByDistrolessStatic.Contains(p)) is { } package)
        {
            return Decline($"{from}: it installs {package}, which distroless static does not ship");
        }

        foreach (var copy in final.Instructions.Where(i => i.Kind is InstructionKind.Copy or InstructionKind.Add && i.GetFlag("from") is not null))
        {
            if (!binaries.Any(b => b.Copy == copy))
            {
                return Decline($"{from}: line {context.UserLine(copy)} copies files from another stage or image that may need its libraries");
            }
        }

        if (final.Last(InstructionKind.User) is { } user && (user.Arguments is not WordArguments { Words: [var who] }
            || !who.Value.Split(':').All(p => p.All(char.IsAsciiDigit) || DistrolessUsers.Contains(p))))
        {
            return Decline($"{from}: USER at line {context.UserLine(user)} names a user distroless static does not know");
        }

        if (Starts(final, binaries) is { } notBinary)
        {
            return Decline($"{from}: {notBinary}");
        }

        var edits = ImmutableArray.CreateBuilder<TextEdit>();
        foreach (var binary in binaries.DistinctBy(b => b.Build.Instruction))
        {
            if (StaticBlocker(context, model, binary) is { } blocker)
            {
                return Decline($"{from}: {blocker}");
            }

            if (binary.Build.Tool.Command.AssignmentValue("CGO_ENABLED") is null && !CgoSetByEnv(model.Stages[binary.Stage], binary.Build.Instruction)
                && binary.Build.Instruction.Arguments is ShellFormArguments shell)
            {
                edits.Add(TextEdit.Insert(shell.ToSourceOffset(binary.Build.Tool.Command.Words[0].Span.Start), "CGO_ENABLED=0 "));
            }
        }

        if (final.From.Arguments is not FromArguments { Image: { } token } || token.Text != final.BaseText)
        {
            return Decline($"{from}: its name is written with quotes or continuations");
        }

        edits.Add(TextEdit.Replace(token.Span, Target));
        var removed = new List<int>();
        foreach (var apt in final.Instructions.Where(i => i.Kind == InstructionKind.Run))
        {
            edits.Add(WithFollowingBlankLine(context.Text, InstructionEdits.Remove(apt)));
            removed.Add(context.UserLine(apt));
        }

        var packages = facts.InstalledPackages.Distinct().ToList();
        return new GoStaticRuntime(
            edits.ToImmutable(),
            $"runtime {image.Text} → {Target}: the Go binary can be static (built with CGO_ENABLED=0; no import \"C\" in the context and no cgo module in go.mod), "
            + "so it needs no libc, shell or package manager"
            + (packages.Count > 0 ? $"; the apt install of {string.Join(", ", packages)} (line {string.Join(", ", removed)}) goes, distroless static ships the CA bundle, tzdata and /etc/passwd" : string.Empty)
            + "; cgo's DNS resolver and os/user lookups are replaced by Go's own, which read /etc/resolv.conf, /etc/hosts and /etc/passwd the same way",
            null);
    }

    // Each COPY --from of the final stage that copies a go build's -o output, with the build and the path it lands on.
    private static IEnumerable<CopiedBinary> GoBinariesCopied(DockerfileModel model, StageModel final)
    {
        foreach (var copy in final.Instructions.Where(i => i.Kind is InstructionKind.Copy && i.GetFlag("from") is not null))
        {
            if (model.FindStage(copy.GetFlag("from")!.Value!, final.Index) is not { } source || copy.Arguments is not WordArguments { Words: [var path, var destination] })
            {
                continue;
            }

            foreach (var command in StageFacts.Of(model, source).Commands)
            {
                var tool = command.Tool;
                if (command.Instruction.Kind == InstructionKind.Run && tool.Program == "go" && tool.Positionals.FirstOrDefault()?.Value == "build"
                    && tool.FlagValues("-o").FirstOrDefault() is { } output && Workdirs.At(source, command.Instruction) is { } workdir
                    && Workdirs.Combine(workdir, output) is { } built && Workdirs.Combine("/", path.Value) == built)
                {
                    var name = built[(built.LastIndexOf('/') + 1)..];
                    var target = destination.Value.EndsWith('/') ? destination.Value + name : destination.Value;
                    var landed = Workdirs.At(final, copy) is { } at && Workdirs.Combine(at.StartsWith('/') ? at : "/", target) is { } t ? t : null;
                    yield return new CopiedBinary(copy, source.Index, command, landed);
                }
            }
        }
    }

    // Why the CMD/ENTRYPOINT would not start the binary without a shell, or null when it would.
    private static string? Starts(StageModel final, List<CopiedBinary> binaries)
    {
        var entrypoint = final.Last(InstructionKind.Entrypoint);
        var cmd = final.Last(InstructionKind.Cmd);
        var starter = entrypoint ?? cmd;
        if (starter is null)
        {
            return "it has no CMD or ENTRYPOINT of its own";
        }

        if (entrypoint is not null && cmd is not null && (entrypoint.Form != InstructionForm.Exec || cmd.Form != InstructionForm.Exec))
        {
            return "its ENTRYPOINT and CMD need a shell to combine";
        }

        var argv = starter.Arguments switch
        {
            ExecFormArguments exec => exec.Values,
            ShellFormArguments shell when SimpleCommandReader.Read(shell.CommandText) is { Reason: null } read => read.Argv,
            _ => [],
        };
        if (argv.IsEmpty)
        {
            return $"its {starter.KeywordUpper} needs a shell, which distroless static does not have";
        }

        var program = argv[0];
        var workdir = Workdirs.At(final, starter) is { } w && w.StartsWith('/') ? w : "/";
        var candidates = program.Contains('/', StringComparison.Ordinal)
            ? [Workdirs.Combine(workdir, program) ?? program]
            : SearchPath.Select(d => d + "/" + program).ToList();
        return binaries.Any(b => b.Landed is { } landed && candidates.Contains(landed))
            ? null
            : $"its {starter.KeywordUpper} runs {program}, not the Go binary it copies";
    }

    // Why the binary cannot be static, or null.
    private static string? StaticBlocker(PassContext context, DockerfileModel model, CopiedBinary binary)
    {
        var build = binary.Build;
        if (build.Tool.Command.AssignmentValue("CGO_ENABLED") is "1" || build.Instruction.FullText.Contains("linkmode", StringComparison.Ordinal)
            || model.Stages[binary.Stage].Instructions.Any(i => i.Kind == InstructionKind.Env && i.FullText.Contains("CGO_ENABLED=1", StringComparison.Ordinal)))
        {
            return $"the go build at line {context.UserLine(build.Instruction)} enables cgo or external linking";
        }

        if (EcosystemTable.Go.NativeMarkers.FirstOrDefault(m => context.BuildContext.ReadText(m.File)?.Contains(m.Contains, StringComparison.Ordinal) == true) is { } marker)
        {
            return $"{marker.Reason} ({marker.File}), so the binary needs libc";
        }

        if (!context.BuildContext.IsKnown)
        {
            return "no build context is known, so whether the code imports \"C\" cannot be read";
        }

        return GoSources.ImportingC(context.BuildContext) is { } file ? $"{file} has import \"C\" (cgo), so the binary needs libc" : null;
    }

    // A RUN that stood between blank lines takes one of them along, so no double blank line is left behind.
    private static TextEdit WithFollowingBlankLine(string text, TextEdit removal)
    {
        var end = removal.Span.End;
        var lineEnd = text.IndexOf('\n', end);
        var before = removal.Span.Start;
        var blankBefore = before >= 2 && text[before - 1] == '\n' && (text[before - 2] == '\n' || (text[before - 2] == '\r' && before >= 3 && text[before - 3] == '\n'));
        return blankBefore && lineEnd >= 0 && text[end..lineEnd].Trim().Length == 0
            ? new TextEdit(TextSpan.FromBounds(removal.Span.Start, lineEnd + 1), string.Empty)
            : removal;
    }

    private static bool CgoSetByEnv(StageModel stage, InstructionSyntax build) =>
        stage.Before(build).Any(i => i.Kind == InstructionKind.Env && i.Arguments is KeyValueArguments pairs && pairs.Pairs.Any(p => p.Key.Value == "CGO_ENABLED"));

    private sealed record CopiedBinary(InstructionSyntax Copy, int Stage, StageCommand Build, string? Landed);
}