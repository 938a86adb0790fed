using System.Collections.Immutable;

using DockerOpt.Core.Passes;
using DockerOpt.Syntax;

namespace DockerOpt.Core.Rewriting;

/// <summary>
/// The outcome of a rewrite: the original and rewritten text, what each pass did and why, the files proposed
/// beside the Dockerfile, and the parse diagnostics of the input (a file with errors is not rewritten).
/// </summary>
public sealed record RewriteResult(
    string OriginalText,
    string RewrittenText,
    ImmutableArray<AppliedPass> Passes,
    ImmutableArray<GeneratedFile> Files,
    ImmutableArray<Diagnostic> InputDiagnostics)
{
    public bool HasChanges => !string.Equals(OriginalText, RewrittenText, StringComparison.Ordinal) || Files.Any(f => f.Content != f.OriginalContent);

    public bool InputHasErrors => InputDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>Every finding of every pass, in file order.</summary>
    public IEnumerable<Finding> Findings => Passes.SelectMany(p => p.Findings).OrderBy(f => f.Line).ThenBy(f => f.PassId, StringComparer.Ordinal);
}