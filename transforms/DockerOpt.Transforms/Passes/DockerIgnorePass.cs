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
    private const string MergeHeader = "# added by dockeropt";

    public PassInfo Info { get; } = new(
        PassId,
        "Generate or merge .dockerignore",
        "Proposes a .dockerignore (or appends to the existing one, keeping its lines verbatim) that leaves version "
        + "control, secrets, editor files, logs, dependency folders the Dockerfile installs itself and build output "
        + "it rebuilds out of the build context. Every pattern is checked against every COPY/ADD source and bind-mount "
        + "source of every stage with Docker's matching rules; a pattern that would exclude one is left out with a "
        + "finding. Never adds a pattern an existing '!' exception contradicts. Declines without a build context, "
        + "with a COPY source it cannot resolve (variables), or an existing .dockerignore Docker would reject.",
        PassCategory.BuildSpeed,
        PassSafety.Safe,
        [
            "no build context known (Dockerfile from stdin)",
            "a COPY/ADD source with a variable dockeropt cannot resolve",
            "an existing .dockerignore with a pattern Docker rejects",
            "patterns matching any COPY/ADD/bind-mount source, or contradicted by an existing '!' exception",
            "dependency folders when no RUN installs them, build output when no RUN builds it, .git when a RUN uses git",
        ],
        "FROM node:20-slim\nCOPY . .\nRUN npm ci\n",
        "# .dockerignore\n.git\n.env\n**/node_modules\n...\n",
        []);

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

        var existingText = context.BuildContext.ReadText(FileName);
        var existing = existingText is null ? DockerIgnoreFile.Empty : DockerIgnoreFile.Parse(existingText);
        if (existing.Matcher is not { } existingMatcher)
        {
            return Decline(first, "the existing .dockerignore has a pattern Docker rejects (the build fails as it is); not merged");
        }

        var sources = ContextSources.Of(context.Model);
        if (sources.FirstOrDefault(s => s.Path is null) is { } unresolved)
        {
            return Decline(unresolved.Instruction, $"'{unresolved.Written}' uses a variable dockeropt cannot resolve, so it cannot prove a pattern leaves it alone; no .dockerignore proposed");
        }

        var facts = BuildFacts.Read(context.Model, context.BuildContext);
        var findings = ImmutableArray.CreateBuilder<Finding>();
        var accepted = new List<IgnoreRule>();
        var acceptedPatterns = existing.Matcher.Patterns.ToList();
        var exceptions = existingMatcher.Patterns.Where(p => p.IsException).ToList();

        foreach (var rule in IgnoreCatalog.Rules)
        {
            if (accepted.Any(a => a.Pattern == rule.Pattern) || !IsProposed(rule, facts, context, first, findings))
            {
                continue;
            }

            var pattern = IgnorePattern.TryCreate(rule.Pattern)!;
            var baseline = new IgnorePatternMatcher(acceptedPatterns);
            if (IsCovered(pattern, existingMatcher))
            {
                continue;
            }

            if (exceptions.FirstOrDefault(e => Contradicts(pattern, e)) is { } exception)
            {
                findings.Add(PassContext.At(PassId, first, FindingKind.Declined, $"leaves '{rule.Pattern}' out: the existing .dockerignore re-includes '{exception.Cleaned}' with '!'"));
                continue;
            }

            var candidate = new IgnorePatternMatcher([.. acceptedPatterns, pattern]);
            if (FirstConflict(context, sources, pattern, baseline, candidate) is { } conflict)
            {
                findings.Add(PassContext.At(PassId, conflict.Source.Instruction, FindingKind.Declined,
                    $"leaves '{rule.Pattern}' out of .dockerignore: this {conflict.Source.Instruction.KeywordUpper} reads '{conflict.Path}' from the context"));
                continue;
            }

            accepted.Add(rule);
            acceptedPatterns.Add(pattern);
        }

        if (accepted.Count == 0)
        {
            return PassResult.FindingsOnly(findings);
        }

        var secrets = accepted.Where(r => r.ChangesBehaviour).Select(r => r.Pattern).ToList();
        var others = accepted.Where(r => !r.ChangesBehaviour).Select(r => r.Pattern).ToList();
        var verb = existingText is null ? "a new .dockerignore leaves" : "the merged .dockerignore also leaves";
        if (others.Count > 0)
        {
            findings.Add(PassContext.At(PassId, first, FindingKind.Applied, $"{verb} {string.Join(", ", others)} out of the build context (smaller context, fewer cache misses)"));
        }

        if (secrets.Count > 0)
        {
            findings.Add(PassContext.At(PassId, first, FindingKind.Applied,
                $"{verb} {string.Join(", ", secrets)} out of the build context so secrets cannot end up in the image; an app that reads them at run time must get them from the environment or a secret mount", true));
        }

        var content = existingText is null ? Generate(accepted, facts) : Merge(existingText, accepted);
        return new PassResult([], findings.ToImmutable(), [new GeneratedFile(FileName, content, existingText)]);
    }

    private static PassResult Decline(InstructionSyntax at, string message) =>
        PassResult.FindingsOnly([PassContext.At(PassId, at, FindingKind.Declined, message)]);

    private static bool IsProposed(IgnoreRule rule, BuildFacts facts, PassContext context, InstructionSyntax first, ImmutableArray<Finding>.Builder findings)
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

        // Some projects keep build scripts in build/ (old Vue and webpack templates): keep it when package.json points there.
        if (rule.Pattern == "build" && rule.Ecosystem == "node" && context.BuildContext.ReadText("package.json")?.Contains("build/", StringComparison.Ordinal) == true)
        {
            findings.Add(PassContext.At(PassId, first, FindingKind.Declined, "leaves 'build' in the context: package.json refers to build/, which may hold build scripts rather than output"));
            return false;
        }

        if (rule.Pattern == ".git" && facts.NeedsGit is { } why)
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