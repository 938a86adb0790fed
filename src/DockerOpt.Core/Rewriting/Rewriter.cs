using System.Collections.Immutable;

using DockerOpt.Core.BuildContext;
using DockerOpt.Core.Editing;
using DockerOpt.Core.Model;
using DockerOpt.Core.Model.Roles;
using DockerOpt.Core.Passes;
using DockerOpt.Syntax;

namespace DockerOpt.Core.Rewriting;

/// <summary>
/// Runs the passes in their registry order. Each pass sees the text left by the ones before it, freshly
/// parsed (Dockerfiles are small: reparsing is cheaper than keeping a mutable tree consistent). The rewriter,
/// not the passes, enforces pragmas and options, rejects overlapping edits, and refuses any pass output that
/// would not parse, so one faulty pass can never corrupt a user's file.
/// </summary>
public sealed class Rewriter
{
    private readonly ImmutableArray<IRewritePass> passes;

    public Rewriter(IEnumerable<IRewritePass> passes)
    {
        ArgumentNullException.ThrowIfNull(passes);
        this.passes = [.. passes];
        var duplicate = this.passes.GroupBy(p => p.Info.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Two passes share the id '{duplicate.Key}'.", nameof(passes));
        }
    }

    public ImmutableArray<IRewritePass> Passes => passes;

    public RewriteResult Rewrite(string text, string? path, IBuildContext buildContext, RewriteOptions options) =>
        Rewrite(text, path, buildContext, options, null);

    /// <param name="text">The Dockerfile.</param>
    /// <param name="path">Its name in messages.</param>
    /// <param name="buildContext">The build context the passes may read.</param>
    /// <param name="options">Which passes run.</param>
    /// <param name="dockerfileInContext">
    /// The Dockerfile's path relative to the context root ('/'-separated, <c>../</c> when outside). Null: the file
    /// named by <paramref name="path"/> at the context root, which is where <c>docker build</c> looks by default.
    /// </param>
    public RewriteResult Rewrite(string text, string? path, IBuildContext buildContext, RewriteOptions options, string? dockerfileInContext)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Rewrite(DockerfileParser.Parse(text, path), buildContext, options, dockerfileInContext);
    }

    /// <summary>
    /// Rewrites a file already parsed, the same as <c>Rewrite(syntax.Source.Text, syntax.Source.Path, ...)</c>: the CLI
    /// parses every file before it plans, and a second parse of a 100k-instruction file cost a tenth of its rewrite.
    /// </summary>
    public RewriteResult Rewrite(DockerfileSyntax syntax, IBuildContext buildContext, RewriteOptions options, string? dockerfileInContext)
    {
        ArgumentNullException.ThrowIfNull(syntax);
        ArgumentNullException.ThrowIfNull(buildContext);
        ArgumentNullException.ThrowIfNull(options);

        var text = syntax.Source.Text;
        var path = syntax.Source.Path;
        if (syntax.HasErrors)
        {
            return new RewriteResult(text, text, [], [], syntax.Diagnostics);
        }

        var repository = options.Repository is { } checkout
            ? RepositoryView.Of(checkout, options.RepositoryPath)
            : RepositoryView.Of(buildContext, dockerfileInContext ?? (path is null ? null : Path.GetFileName(path)));
        var generated = GeneratedHeader.Find(syntax) ?? (repository is null ? null : RepositoryTemplates.Find(repository));
        if (generated is not null && !options.IncludeGenerated)
        {
            // An edit to a generated file is lost at the next generation: nothing runs, one finding says why.
            var finding = new Finding(RewriteResult.FileFindingId, FindingKind.Declined, generated.Line ?? FirstInstructionLine(syntax), 1, $"{generated.Reason}; nothing changed (--include-generated rewrites it anyway)");
            return new RewriteResult(text, text, [], [], syntax.Diagnostics) { Generated = generated, SkippedAsGenerated = true, FileFindings = [finding] };
        }

        // The role is decided once, on the user's file: a pass's own edits (a USER, a new stage) must not change it.
        // Every text of this rewrite reads its RUNs through one set of parses: a RUN a pass left alone is not parsed again.
        var scripts = new ShellScripts();
        var original = DockerfileModel.Build(syntax, scripts);
        var role = options.Role is { } chosen
            ? RoleDecision.Overridden(chosen.Role, chosen.Source)
            : ImageRoleClassifier.Classify(original, options.RepositoryPath ?? path, buildContext, repository);
        if (role.Role == ImageRole.TestFixture && original.FinalStage is { } fixture)
        {
            // A fixture's exact text is what its test checks: no pass runs, not even the layer-only ones.
            var finding = new Finding(RewriteResult.FileFindingId, FindingKind.Declined, fixture.From.StartLine, 1, $"treated as a {role.Describe()}: its exact content is what a test checks; nothing changed (--role app rewrites it)");
            return new RewriteResult(text, text, [], [], syntax.Diagnostics) { Role = role, Generated = generated, FileFindings = [finding] };
        }

        var pragmas = Pragmas.Read(syntax);
        var closed = WithoutDanglingContinuation(syntax, path);
        var current = closed;

        // The model (with the RUNs it has read) and the style belong to a text: built once, shared by every pass until
        // one changes the text. Each pass used to build its own, and each re-read every RUN (issue 14).
        PassContext? currentContext = null;
        var lineMaps = new List<LineMap>();
        var applied = new List<AppliedPass>();
        var files = new Dictionary<string, GeneratedFile>(StringComparer.Ordinal);

        // Passes that ran (not skipped, not declined as a whole) and the last of them that changed the text.
        var ran = new List<(int Order, IRewritePass Pass)>();
        var askedAgain = new HashSet<int>();
        var lastChange = -1;
        for (var order = 0; order < passes.Length; order++)
        {
            var pass = passes[order];
            var info = pass.Info;
            if (!options.IsEnabled(info.Id) || (info.Safety == PassSafety.Aggressive && options.Level != RewriteLevel.Aggressive))
            {
                continue;
            }

            if (info.Roles.LeafAppsOnly && !role.IsLeafApp && original.FinalStage is { } shipped)
            {
                applied.Add(new AppliedPass(info, false, [new Finding(info.Id, FindingKind.Declined, shipped.From.StartLine, 1, RoleDecline(info, role))]));
                continue;
            }

            if (IsIgnoredForFile(pragmas, info))
            {
                applied.Add(new AppliedPass(info, false, [new Finding(info.Id, FindingKind.Declined, 1, 1, "switched off for this file by a pragma")]));
                continue;
            }

            ran.Add((order, pass));
            var step = RunPass(pass, order);
            applied.Add(step);
            lastChange = step.Changed ? order : lastChange;
        }

        foreach (var (order, pass) in ran.Where(r => (r.Pass.Info.RunsAgainAfterLaterEdits || askedAgain.Contains(r.Order)) && r.Order < lastChange))
        {
            // The second run reports only what it applies: its declines repeat the first run's.
            var again = RunPass(pass, order);
            if (again.Changed)
            {
                var index = applied.FindIndex(a => a.Info.Id == pass.Info.Id);
                applied[index] = applied[index] with
                {
                    Changed = true,
                    Findings = applied[index].Findings.AddRange(again.Findings.Where(f => f.Kind == FindingKind.Applied)),
                };
            }
        }

        AppliedPass RunPass(IRewritePass pass, int order)
        {
            var info = pass.Info;
            var currentPragmas = Pragmas.Read(current);
            var ignored = IgnoredInstructions(currentPragmas, info);
            var rules = IgnoredRules(current, currentPragmas, info);
            var mapsSoFar = lineMaps.ToArray();
            currentContext ??= PassContext.Create(current, buildContext, options, role, scripts);
            var context = currentContext with
            {
                IgnoredInstructions = ignored,
                IgnoredRules = rules,
                ToUserLine = line => ToOriginalLine(mapsSoFar, line),
                DockerfilePath = dockerfileInContext ?? (path is null ? null : Path.GetFileName(path)),
            };
            var result = pass.Run(context);
            if (result.RunAgainAfterLaterEdits)
            {
                askedAgain.Add(order);
            }

            var edits = result.Edits;
            var findings = WithoutShieldedAdvice(current, rules, result.Findings);
            if (TouchesShielded(current, ignored, edits) || findings.Any(f => f.Kind == FindingKind.Applied && IsShielded(current, rules, f)))
            {
                // The pass did not honour a pragma: apply none of its edits rather than half of them.
                findings = [new Finding(info.Id, FindingKind.Declined, 1, 1, "internal: it edited an instruction a pragma shields; nothing changed")];
                edits = [];
            }

            var newText = current.Source.Text;
            DockerfileSyntax? reparsed = null;
            if (!edits.IsEmpty)
            {
                newText = EditApplier.Apply(current.Source.Text, edits);
                reparsed = DockerfileParser.Parse(newText, path);
                if (reparsed.HasErrors)
                {
                    // Never hand the user text that does not parse: drop this pass's edits and say so.
                    var first = reparsed.Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error);
                    findings = [new Finding(info.Id, FindingKind.Declined, 1, 1, $"internal: its edits would not parse ({first.Message}); nothing changed")];
                    edits = [];
                    newText = current.Source.Text;
                }
            }

            var toOriginal = MapToOriginal(lineMaps, findings);
            foreach (var file in result.Files)
            {
                files[file.RelativePath] = file;
            }

            if (!edits.IsEmpty && reparsed is not null)
            {
                lineMaps.Add(LineMap.FromEdits(current.Source.Text, newText, edits));
                current = reparsed;
                currentContext = null;
            }

            return new AppliedPass(info, !edits.IsEmpty, toOriginal);
        }

        // Untouched, the file keeps its dangling continuation byte for byte.
        var output = ReferenceEquals(current, closed) ? text : current.Source.Text;
        return new RewriteResult(text, output, [.. applied], [.. files.Values.OrderBy(f => f.RelativePath, StringComparer.Ordinal)], syntax.Diagnostics)
        {
            Role = original.FinalStage is null ? null : role,
            Generated = generated,
        };
    }

    private static int FirstInstructionLine(DockerfileSyntax syntax) =>
        syntax.Constructs.OfType<InstructionSyntax>().FirstOrDefault()?.StartLine ?? 1;

    /// <summary>Why a pass that changes what the image does left a non-leaf image alone.</summary>
    public static string RoleDecline(PassInfo info, RoleDecision role)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(role);
        var hint = role.OverriddenBy is null ? "; if it is an application, say so with --role app or 'role: app' in .dockeropt.yaml" : string.Empty;
        return $"not changed: treated as a {role.Describe()}, and {info.Id} changes what the image does, which dockeropt does only for leaf apps{hint}";
    }

    // A file whose last line ends in a line continuation (`COPY a b\`, perhaps followed only by comment or blank lines)
    // would pull any line a pass adds after it into that instruction: `COPY a bUSER app`. BuildKit ignores the escape
    // char there, so the passes work on the text without it, and no pass, whichever way it appends, can make that
    // mistake. The escape char goes only when some pass changes the file, and with it the blanks around it on its line:
    // `python --version \` must become `python --version`, not a line ending in a space (tally's no-trailing-spaces).
    //
    // What ends up before the removed escape char may be another one (`COPY m \ \`, or a continuation line holding only
    // `\`), which would dangle in its turn: the escape chars, blanks and line breaks that end the text go together, and
    // a continuation that a comment line separates from them is closed by the next round.
    private static DockerfileSyntax WithoutDanglingContinuation(DockerfileSyntax syntax, string? path)
    {
        var closed = syntax;
        for (var round = 0; round < MaxDanglingRounds; round++)
        {
            if (closed.Instructions.IsEmpty || closed.Instructions[^1].DanglingContinuation is not { } escape)
            {
                return closed;
            }

            var text = closed.Source.Text;
            var escapeChar = text[escape.Start];
            var start = escape.Start;
            while (start > 0 && (text[start - 1] is ' ' or '\t' or '\r' or '\n' || text[start - 1] == escapeChar))
            {
                start--;
            }

            var end = escape.Start + escape.Length;
            while (end < text.Length && text[end] is ' ' or '\t')
            {
                end++;
            }

            var reparsed = DockerfileParser.Parse(text.Remove(start, end - start), path);
            if (reparsed.HasErrors)
            {
                return syntax;
            }

            closed = reparsed;
        }

        return closed.Instructions[^1].DanglingContinuation is null ? closed : syntax;
    }

    // Each round closes one continuation that comment lines kept apart from the next; real files need one round.
    private const int MaxDanglingRounds = 8;

    // A pass id switches the pass off; a hadolint id never does. It shields only the changes of that rule, which the
    // pass asks for with PassContext.IsIgnored(instruction, id), and the findings that carry it: a rule the pass never
    // applies (DL3008, pinning apt versions) shields nothing, instead of all of package-hygiene.
    private static bool IsIgnoredForFile(Pragmas pragmas, PassInfo info) => pragmas.IgnoresFile(info.Id);

    // Read from the few pragma comments, not asked of every instruction: the rewriter does this once per pass and text.
    private static ImmutableHashSet<int> IgnoredInstructions(Pragmas pragmas, PassInfo info) =>
        [.. pragmas.InstructionsIgnoring(info.Id)];

    private static ImmutableDictionary<int, ImmutableHashSet<string>> IgnoredRules(DockerfileSyntax syntax, Pragmas pragmas, PassInfo info)
    {
        if (info.HadolintIds.IsDefaultOrEmpty)
        {
            return ImmutableDictionary<int, ImmutableHashSet<string>>.Empty;
        }

        // An instruction without a pragma of its own is shielded by the file's pragmas alone: the same rules for each, found
        // once (a union and a set per instruction, per pass, cost a 100k-instruction file a few percent of its rewrite). The
        // union is the one the instructions with a pragma get, so it compares as theirs does.
        var fileOnly = ImmutableHashSet<string>.Empty.Union(pragmas.FileIgnores);
        var fromFile = info.HadolintIds.Where(fileOnly.Contains).ToImmutableHashSet(StringComparer.OrdinalIgnoreCase);
        if (fromFile.IsEmpty && !pragmas.HasInstructionIgnores)
        {
            return ImmutableDictionary<int, ImmutableHashSet<string>>.Empty;
        }

        var rules = ImmutableDictionary.CreateBuilder<int, ImmutableHashSet<string>>();
        foreach (var instruction in syntax.Instructions)
        {
            var own = pragmas.IgnoredAt(instruction.Span.Start);
            var shielded = own.IsEmpty ? fromFile : info.HadolintIds.Where(own.Union(pragmas.FileIgnores).Contains).ToImmutableHashSet(StringComparer.OrdinalIgnoreCase);
            if (shielded.Count > 0)
            {
                rules[instruction.Span.Start] = shielded;
            }
        }

        return rules.ToImmutable();
    }

    // Only the few shielded instructions are looked at: a pass may return an edit for each of 100k RUNs.
    private static bool TouchesShielded(DockerfileSyntax syntax, ImmutableHashSet<int> ignored, ImmutableArray<TextEdit> edits) =>
        !ignored.IsEmpty && syntax.Instructions.Any(i => ignored.Contains(i.Span.Start) && edits.Any(e => Touches(i.FullSpan, e.Span)));

    private static bool IsShielded(DockerfileSyntax syntax, ImmutableDictionary<int, ImmutableHashSet<string>> rules, Finding finding) =>
        !rules.IsEmpty && finding.HadolintId is { } id
        && syntax.Instructions.Any(i => i.StartLine == finding.Line && rules.TryGetValue(i.Span.Start, out var shielded) && shielded.Contains(id));

    // Advice of a rule the user switched off is what hadolint's pragma silences: it goes, whichever pass gave it.
    private static ImmutableArray<Finding> WithoutShieldedAdvice(DockerfileSyntax syntax, ImmutableDictionary<int, ImmutableHashSet<string>> rules, ImmutableArray<Finding> findings) =>
        rules.IsEmpty ? findings : [.. findings.Where(f => f.Kind != FindingKind.Advice || !IsShielded(syntax, rules, f))];

    private static bool Touches(TextSpan instruction, TextSpan edit) =>
        edit.IsEmpty ? edit.Start > instruction.Start && edit.Start < instruction.End : edit.OverlapsWith(instruction);

    private static ImmutableArray<Finding> MapToOriginal(List<LineMap> lineMaps, ImmutableArray<Finding> findings)
    {
        if (lineMaps.Count == 0)
        {
            return findings;
        }

        return [.. findings.Select(f => f with { Line = ToOriginalLine(lineMaps, f.Line) })];
    }

    private static int ToOriginalLine(IReadOnlyList<LineMap> lineMaps, int line)
    {
        for (var i = lineMaps.Count - 1; i >= 0; i--)
        {
            line = lineMaps[i].ToOldLine(line);
        }

        return line;
    }
}