using System.Collections.Immutable;

using DockerOpt.Core.BuildContext;
using DockerOpt.Core.Editing;
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

    public RewriteResult Rewrite(string text, string? path, IBuildContext buildContext, RewriteOptions options)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(buildContext);
        ArgumentNullException.ThrowIfNull(options);

        var syntax = DockerfileParser.Parse(text, path);
        if (syntax.HasErrors)
        {
            return new RewriteResult(text, text, [], [], syntax.Diagnostics);
        }

        var pragmas = Pragmas.Read(syntax);
        var current = syntax;
        var lineMaps = new List<LineMap>();
        var applied = ImmutableArray.CreateBuilder<AppliedPass>();
        var files = new Dictionary<string, GeneratedFile>(StringComparer.Ordinal);

        foreach (var pass in passes)
        {
            var info = pass.Info;
            if (!options.IsEnabled(info.Id) || (info.Safety == PassSafety.Aggressive && options.Level != RewriteLevel.Aggressive))
            {
                continue;
            }

            if (IsIgnoredForFile(pragmas, info))
            {
                applied.Add(new AppliedPass(info, false, [new Finding(info.Id, FindingKind.Declined, 1, 1, "switched off for this file by a pragma")]));
                continue;
            }

            var ignored = IgnoredInstructions(current, info);
            var context = PassContext.Create(current, buildContext, options) with { IgnoredInstructions = ignored };
            var result = pass.Run(context);
            var edits = result.Edits;
            var findings = result.Findings;
            if (edits.Any(e => current.Instructions.Any(i => ignored.Contains(i.Span.Start) && Touches(i.FullSpan, e.Span))))
            {
                // The pass did not honour a pragma: apply none of its edits rather than half of them.
                findings = [new Finding(info.Id, FindingKind.Declined, 1, 1, "internal: it edited an instruction a pragma shields; nothing changed")];
                edits = [];
            }

            var newText = current.Source.Text;
            if (!edits.IsEmpty)
            {
                newText = EditApplier.Apply(current.Source.Text, edits);
                var reparsed = DockerfileParser.Parse(newText, path);
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
            applied.Add(new AppliedPass(info, !edits.IsEmpty, toOriginal));
            foreach (var file in result.Files)
            {
                files[file.RelativePath] = file;
            }

            if (!edits.IsEmpty)
            {
                lineMaps.Add(LineMap.FromEdits(current.Source.Text, newText, edits));
                current = DockerfileParser.Parse(newText, path);
            }
        }

        return new RewriteResult(text, current.Source.Text, applied.ToImmutable(), [.. files.Values.OrderBy(f => f.RelativePath, StringComparer.Ordinal)], syntax.Diagnostics);
    }

    private static bool IsIgnoredForFile(Pragmas pragmas, PassInfo info) =>
        pragmas.IgnoresFile(info.Id) || info.HadolintIds.Any(pragmas.IgnoresFile);

    private static ImmutableHashSet<int> IgnoredInstructions(DockerfileSyntax syntax, PassInfo info)
    {
        var pragmas = Pragmas.Read(syntax);
        return [.. syntax.Instructions
            .Where(i => pragmas.IgnoredAt(i.Span.Start) is { Count: > 0 } ids && (ids.Contains(info.Id) || info.HadolintIds.Any(ids.Contains)))
            .Select(i => i.Span.Start)];
    }

    private static bool Touches(TextSpan instruction, TextSpan edit) =>
        edit.IsEmpty ? edit.Start > instruction.Start && edit.Start < instruction.End : edit.OverlapsWith(instruction);

    private static ImmutableArray<Finding> MapToOriginal(List<LineMap> lineMaps, ImmutableArray<Finding> findings)
    {
        if (lineMaps.Count == 0)
        {
            return findings;
        }

        return [.. findings.Select(f =>
        {
            var line = f.Line;
            for (var i = lineMaps.Count - 1; i >= 0; i--)
            {
                line = lineMaps[i].ToOldLine(line);
            }

            return f with { Line = line };
        })];
    }
}