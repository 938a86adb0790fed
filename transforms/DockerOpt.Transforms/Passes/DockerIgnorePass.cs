using System.Collections.Immutable;
using System.Text;

using DockerOpt.Core.Passes;
using DockerOpt.Syntax;
using DockerOpt.Transforms.DockerIgnore;

namespace DockerOpt.Transforms.Passes;

/// <summary>
/// Generates a .dockerignore at the build-context root, or merges into the existing one, from the ecosystems the
/// build shows and what the context holds — and never excludes a path the Dockerfile reads from the context,
/// checked with Docker's own matching rules.
/// </summary>
public sealed class DockerIgnorePass : IRewritePass
{
    public const string PassId = "dockerignore";

    private const string FileName = ".dockerignore";
    private const string OwnIgnoreSuffix = ".dockerignore";
    private const string MergeHeader = "# added by dockeropt";

    public PassInfo Info { get; } = new(
        PassId,
        "Generate or merge .dockerignore",
        "Proposes a .dockerignore (or appends to the one in force, keeping its lines verbatim) that leaves version "
        + "control, secrets, editor files, logs, dependency folders the Dockerfile installs itself and build output "
        + "it rebuilds out of the build context. The file in force is the Dockerfile's own '<Dockerfile>.dockerignore' "
        + "beside it when that exists (BuildKit reads it instead of the context's), else the context's .dockerignore. "
        + "A shared .dockerignore is reasoned about for every Dockerfile that builds with the context: the Dockerfiles "
        + "in the context's tree (named Dockerfile*, *.Dockerfile, Containerfile*) that sit at its root or find more of "
        + "their COPY sources from its root than from their own folder, and that have no ignore file of their own. "
        + "Every pattern is checked against every COPY/ADD and bind-mount source of each of them with Docker's matching "
        + "rules, and .git stays when any Dockerfile there (or a script from the context that a RUN executes) runs a git "
        + "command that reads the context's repository (describe, rev-parse, status, log...; not clone, not in a cloned "
        + "folder). Threshold: a file is proposed only when it would keep out something that is sent on every build and "
        + "never needed: version control, secrets, dependency folders, caches or build output that exist in the context, "
        + "node_modules that npm install puts in every working tree when the Dockerfile copies the whole context, or at "
        + $"least {IgnoreBenefit.MinorEntriesWorthIt} editor and log entries; Dockerfiles and compose files never count. "
        + "Measured over the 1,793 contexts of the shared corpus (2,249 Dockerfiles; clean checkouts, so no .git or "
        + "node_modules on disk): 903 hold only the Dockerfile, 335 two or three files, 407 four to ten, 148 more. "
        + "Without the threshold 2,213 of the 2,249 rewrites proposed a file; with it 59 do (a .env, or node_modules with "
        + "COPY .), while 1,945 would have kept out only Docker files, 201 nothing that exists, and 8 only a .vscode "
        + "folder of 2-3 entries. An entry is proposed only when some COPY/ADD or bind-mount source of a Dockerfile using "
        + "the file includes a path it matches (BuildKit sends only what they name): with explicit subpaths only, a "
        + "root-anchored .git or .env keeps out nothing.",
        PassCategory.BuildSpeed,
        PassSafety.Safe,
        [
            "no build context known (Dockerfile from stdin), or a Dockerfile outside its context",
            "a COPY/ADD source with a variable dockeropt cannot resolve, in this or another Dockerfile sharing the file",
            "an existing ignore file with a pattern Docker rejects",
            "patterns matching any COPY/ADD/bind-mount source of a Dockerfile sharing the file, or contradicted by an existing '!' exception",
            "dependency folders when no RUN installs them, build output when no RUN builds it (here or in another Dockerfile that copies the whole context)",
            ".git when a Dockerfile sharing the context, or a script it runs, reads the context's git repository",
            "contexts where the file would keep out nothing worth it (see the threshold)",
            "entries no COPY/ADD source reaches: every source names an explicit subpath that holds nothing they match",
        ],
        "FROM node:20-slim\nCOPY . .\nRUN npm ci\n",
        "# .dockerignore\n.git\n.env\n**/node_modules\n...\n",
        [])
    {
        Roles = RolePolicy.Everywhere("a .dockerignore changes what the build can read, not what the Dockerfile does; it never hides a file a COPY needs"),
    };

    public PassResult Run(PassContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Syntax.Instructions.FirstOrDefault() is not { } first)
        {
            return PassResult.Empty;
        }

        if (!context.BuildContext.IsKnown)
        {
            return Decline(first, "no build context given, so no .dockerignore is proposed (pass --context DIR)");
        }

        var self = context.DockerfilePath;
        if (self is not null && (self == ".." || self.StartsWith("../", StringComparison.Ordinal)))
        {
            return Decline(first, $"the Dockerfile lies outside the build context, so dockeropt cannot see whether a '{Path.GetFileName(self)}.dockerignore' beside it is the ignore file BuildKit uses; no .dockerignore proposed");
        }

        // BuildKit reads <Dockerfile>.dockerignore (beside the Dockerfile) instead of the context's .dockerignore.
        var target = self is not null && context.BuildContext.FileExists(self + OwnIgnoreSuffix) ? self + OwnIgnoreSuffix : FileName;
        var isOwnIgnoreFile = target != FileName;
        var existingText = context.BuildContext.ReadText(target);
        var existing = existingText is null ? DockerIgnoreFile.Empty : DockerIgnoreFile.Parse(existingText);
        if (existing.Matcher is not { } existingMatcher)
        {
            return Decline(first, $"the existing {target} has a pattern Docker rejects (the build fails as it is); not merged");
        }

        var sources = ContextSources.Of(context.Model);
        if (sources.FirstOrDefault(s => s.Path is null) is { } unresolved)
        {
            return Decline(unresolved.Instruction, $"'{unresolved.Written}' uses a variable dockeropt cannot resolve, so it cannot prove a pattern leaves it alone; no .dockerignore proposed");
        }

        var tree = ContextTree.Read(context.BuildContext);
        var others = isOwnIgnoreFile ? [] : ContextDockerfiles.Find(context.BuildContext, tree, self);

        // The shared file applies to every Dockerfile that builds with this context and has no ignore file of its own.
        var sharing = others.Where(o => o.UsesContext && !o.File.HasOwnIgnoreFile).Select(o => o.File).ToList();
        if (sharing.FirstOrDefault(o => o.Sources.Any(s => s.Path is null)) is { } unresolvedOther)
        {
            var written = unresolvedOther.Sources.First(s => s.Path is null);
            return Decline(first, $"{unresolvedOther.Path} builds with this context too and copies '{written.Written}' (line {written.Instruction.StartLine}) with a variable dockeropt cannot resolve; no .dockerignore proposed");
        }

        var facts = BuildFacts.Read(context.Model, context.BuildContext);
        var needs = new ContextNeeds(
            GitReason(context, sources, others.Where(o => !o.File.HasOwnIgnoreFile).Select(o => o.File)),
            [.. sharing.Select(o => (o, ContextDockerfiles.FactsOf(o, context.BuildContext)))]);
        var findings = ImmutableArray.CreateBuilder<Finding>();
        var accepted = new List<IgnoreRule>();
        var acceptedPatterns = existing.Matcher.Patterns.ToList();
        var exceptions = existingMatcher.Patterns.Where(p => p.IsException).ToList();
        var unreached = new List<string>();

        foreach (var rule in IgnoreCatalog.Rules)
        {
            if (accepted.Any(a => a.Pattern == rule.Pattern) || !IsProposed(rule, facts, needs, context, first, findings))
            {
                continue;
            }

            var pattern = IgnorePattern.TryCreate(rule.Pattern)!;
            if (!SourceReach.Reaches(pattern, sources.Concat(sharing.SelectMany(o => o.Sources)), tree))
            {
                unreached.Add(rule.Pattern);
                continue;
            }

            var baseline = new IgnorePatternMatcher(acceptedPatterns);
            if (IsCovered(pattern, existingMatcher))
            {
                continue;
            }

            if (exceptions.FirstOrDefault(e => Contradicts(pattern, e)) is { } exception)
            {
                findings.Add(PassContext.At(PassId, first, FindingKind.Declined, $"leaves '{rule.Pattern}' out: the existing {target} re-includes '{exception.Cleaned}' with '!'"));
                continue;
            }

            var candidate = new IgnorePatternMatcher([.. acceptedPatterns, pattern]);
            if (FirstConflict(context, sources, pattern, baseline, candidate) is { } conflict)
            {
                findings.Add(PassContext.At(PassId, conflict.Source.Instruction, FindingKind.Declined,
                    $"leaves '{rule.Pattern}' out of {target}: this {conflict.Source.Instruction.KeywordUpper} reads '{conflict.Path}' from the context"));
                continue;
            }

            if (sharing.Select(o => (o, FirstConflict(context, o.Sources, pattern, baseline, candidate))).FirstOrDefault(c => c.Item2 is not null) is ({ } other, { } otherConflict))
            {
                findings.Add(PassContext.At(PassId, first, FindingKind.Declined,
                    $"leaves '{rule.Pattern}' out of {target}: {other.Path}, which builds with this context too, reads '{otherConflict.Path}' from it ({otherConflict.Source.Instruction.KeywordUpper} on its line {otherConflict.Source.Instruction.StartLine})"));
                continue;
            }

            accepted.Add(rule);
            acceptedPatterns.Add(pattern);
        }

        if (accepted.Count == 0)
        {
            if (unreached.Count > 0)
            {
                var named = sources.Concat(sharing.SelectMany(o => o.Sources)).Select(s => s.Written).Distinct(StringComparer.Ordinal).ToList();
                var shown = string.Join(", ", named.Take(3)) + (named.Count > 3 ? $" and {named.Count - 3} more" : string.Empty);
                findings.Add(PassContext.At(PassId, first, FindingKind.Declined,
                    $"no {target} change proposed: BuildKit sends only what COPY/ADD name{(sharing.Count == 0 ? string.Empty : $" (here and in the {sharing.Count} other Dockerfile{(sharing.Count == 1 ? string.Empty : "s")} that build with this context)")}, {(named.Count == 0 ? "nothing" : shown)}, and none of it holds a path the {unreached.Count} candidate entries would keep out"));
            }

            return PassResult.FindingsOnly(findings);
        }

        var benefit = IgnoreBenefit.Measure(tree, existingMatcher, accepted, sources.Any(s => s.Path == "."));
        if (!benefit.IsWorthProposing)
        {
            findings.Add(PassContext.At(PassId, first, FindingKind.Declined,
                $"no {target} change proposed: it would keep out {benefit.Describe()}, not worth a file (one is proposed when version control, secrets, dependency folders, caches or build output are in the context, node_modules would be in a working tree the Dockerfile copies whole, or at least {IgnoreBenefit.MinorEntriesWorthIt} editor and log entries are)"));
            return PassResult.FindingsOnly(findings);
        }

        if (isOwnIgnoreFile)
        {
            findings.Add(PassContext.At(PassId, first, FindingKind.Advice, $"edits {target}, not .dockerignore: BuildKit uses the Dockerfile's own ignore file instead of the context's"));
        }

        var secrets = accepted.Where(r => r.ChangesBehaviour).Select(r => r.Pattern).ToList();
        var plain = accepted.Where(r => !r.ChangesBehaviour).Select(r => r.Pattern).ToList();
        var verb = existingText is null ? $"a new {target} leaves" : $"the merged {target} also leaves";
        var sharedBy = sharing.Count == 0 ? string.Empty : $"; checked against the {sharing.Count} other Dockerfile{(sharing.Count == 1 ? string.Empty : "s")} that build with this context";
        if (plain.Count > 0)
        {
            findings.Add(PassContext.At(PassId, first, FindingKind.Applied, $"{verb} {string.Join(", ", plain)} out of the build context (smaller context, fewer cache misses; now in it: {benefit.Describe()}){sharedBy}"));
        }

        if (secrets.Count > 0)
        {
            findings.Add(PassContext.At(PassId, first, FindingKind.Applied,
                $"{verb} {string.Join(", ", secrets)} out of the build context so secrets cannot end up in the image; an app that reads them at run time must get them from the environment or a secret mount", true));
        }

        var content = existingText is null ? Generate(accepted, facts) : Merge(existingText, accepted);
        return new PassResult([], findings.ToImmutable(), [new GeneratedFile(target, content, existingText)]);
    }

    private static PassResult Decline(InstructionSyntax at, string message) =>
        PassResult.FindingsOnly([PassContext.At(PassId, at, FindingKind.Declined, message)]);

    // This Dockerfile's git use first, then that of any other Dockerfile the shared file applies to.
    private static string? GitReason(PassContext context, IReadOnlyList<ContextSource> sources, IEnumerable<ContextDockerfile> others)
    {
        if (GitUse.Reason(context.Model, sources, context.BuildContext, context.UserLine) is { } own)
        {
            return own;
        }

        foreach (var other in others)
        {
            if (GitUse.Reason(other.Model, other.Sources, context.BuildContext, static i => i.StartLine) is { } reason)
            {
                return $"{other.Path}, which builds with this context, needs it: {reason}";
            }
        }

        return null;
    }

    private static bool IsProposed(IgnoreRule rule, BuildFacts facts, ContextNeeds needs, PassContext context, InstructionSyntax first, ImmutableArray<Finding>.Builder findings)
    {
        if (rule.Ecosystem is { } ecosystem && !facts.Has(ecosystem))
        {
            return false;
        }

        var present = context.BuildContext.DirectoryExists(rule.Pattern) || context.BuildContext.FileExists(rule.Pattern)
            || (rule.Pattern.StartsWith("**/", StringComparison.Ordinal) && context.BuildContext.DirectoryExists(rule.Pattern[3..]));
        switch (rule.Trigger)
        {
            case IgnoreTrigger.Present:
                return present;
            case IgnoreTrigger.Installs when !facts.Installs(rule.Ecosystem!):
                if (present)
                {
                    findings.Add(PassContext.At(PassId, first, FindingKind.Declined, $"leaves '{rule.Pattern}' in the context: no RUN installs {rule.Ecosystem} dependencies, so the image may rely on the folder the context brings"));
                }

                return false;
            case IgnoreTrigger.Builds when !facts.Builds(rule.Ecosystem!):
                if (present)
                {
                    findings.Add(PassContext.At(PassId, first, FindingKind.Declined, $"leaves '{rule.Pattern}' in the context: no RUN builds the {rule.Ecosystem} project, so it may be what the image runs"));
                }

                return false;
            default:
                break;
        }

        // Another Dockerfile that copies the whole context and does not install/build it itself may ship the folder.
        if (rule.Trigger is IgnoreTrigger.Installs or IgnoreTrigger.Builds && needs.RelyingOn(rule) is { } other)
        {
            findings.Add(PassContext.At(PassId, first, FindingKind.Declined,
                $"leaves '{rule.Pattern}' in the context: {other.Path} builds with this context too, copies all of it and does not {(rule.Trigger == IgnoreTrigger.Installs ? "install" : "build")} the {rule.Ecosystem} project itself"));
            return false;
        }

        // Some projects keep build scripts in build/ (old Vue and webpack templates): keep it when package.json points there.
        if (rule.Pattern == "build" && rule.Ecosystem == "node" && context.BuildContext.ReadText("package.json")?.Contains("build/", StringComparison.Ordinal) == true)
        {
            findings.Add(PassContext.At(PassId, first, FindingKind.Declined, "leaves 'build' in the context: package.json refers to build/, which may hold build scripts rather than output"));
            return false;
        }

        if (rule.Pattern == ".git" && needs.GitReason is { } why)
        {
            findings.Add(PassContext.At(PassId, first, FindingKind.Declined, $"leaves '.git' in the context: {why}"));
            return false;
        }

        return true;
    }

    // The existing file already excludes what the pattern is about (e.g. "node_modules" for "**/node_modules").
    private static bool IsCovered(IgnorePattern pattern, IgnorePatternMatcher existing)
    {
        var representative = pattern.Cleaned.StartsWith("**/", StringComparison.Ordinal) ? pattern.Cleaned[3..] : pattern.Cleaned;
        return existing.Patterns.Any(p => !p.IsException && p.Cleaned == pattern.Cleaned) || existing.IsExcluded(representative);
    }

    // Appended after it, the pattern would win over an exception the user wrote: never add it.
    private static bool Contradicts(IgnorePattern pattern, IgnorePattern exception) =>
        new IgnorePatternMatcher([pattern]).IsExcluded(exception.Cleaned)
        || IgnorePattern.TryCreate(exception.Cleaned)?.Matches(pattern.Cleaned) == true;

    private static (ContextSource Source, string Path)? FirstConflict(PassContext context, IReadOnlyList<ContextSource> sources, IgnorePattern pattern, IgnorePatternMatcher baseline, IgnorePatternMatcher candidate)
    {
        foreach (var source in sources)
        {
            var path = source.Path!;
            if (path == ".")
            {
                continue;
            }

            IEnumerable<string> paths = source.IsGlob ? [path, .. ContextGlob.Expand(context.BuildContext, path)] : [path];
            foreach (var concrete in paths)
            {
                if (candidate.IsExcluded(concrete) && !baseline.IsExcluded(concrete))
                {
                    return (source, concrete);
                }
            }

            // A wildcard source may name files that do not exist yet: "COPY .env* ./" must keep ".env".
            if (source.IsGlob && IgnorePattern.TryCreate(path)?.Matches(pattern.Cleaned) == true)
            {
                return (source, pattern.Cleaned);
            }
        }

        return null;
    }

    private static string Generate(List<IgnoreRule> rules, BuildFacts facts)
    {
        var builder = new StringBuilder();
        builder.Append("# Generated by dockeropt: keeps the build context small and secrets out of the image.\n");
        builder.Append("# Docker's rules: 'name' matches at the context root only, '**/name' at any depth, '!' re-includes.\n");
        var detected = string.Join(", ", facts.Detected);
        if (detected.Length > 0)
        {
            builder.Append("# Ecosystems seen: ").Append(detected).Append('\n');
        }

        foreach (var group in rules.GroupBy(r => r.Group))
        {
            builder.Append('\n').Append("# ").Append(group.Key).Append('\n');
            foreach (var rule in group)
            {
                builder.Append(rule.Pattern).Append('\n');
            }
        }

        return builder.ToString();
    }

    private static string Merge(string existing, List<IgnoreRule> rules)
    {
        var newLine = existing.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var builder = new StringBuilder(existing);
        if (existing.Length > 0 && !existing.EndsWith('\n'))
        {
            builder.Append(newLine);
        }

        if (existing.Trim().Length > 0)
        {
            builder.Append(newLine);
        }

        builder.Append(MergeHeader).Append(newLine);
        foreach (var rule in rules)
        {
            builder.Append(rule.Pattern).Append(newLine);
        }

        return builder.ToString();
    }
}