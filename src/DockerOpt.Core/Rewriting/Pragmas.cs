using System.Collections.Immutable;

using DockerOpt.Syntax;

namespace DockerOpt.Core.Rewriting;

/// <summary>
/// Inline opt-outs people write in the Dockerfile:
/// <c># dockeropt ignore=merge-run,cache-mounts</c> on the comment lines right above an instruction,
/// <c># dockeropt ignore-file=base-image</c> anywhere, and hadolint's <c># hadolint ignore=DL3015</c>,
/// honoured for exactly the changes that share that hadolint rule's meaning (see <see cref="Rewriter"/>).
/// </summary>
public sealed class Pragmas
{
    private readonly ImmutableHashSet<string> fileIgnores;
    private readonly ImmutableDictionary<int, ImmutableHashSet<string>> instructionIgnores;

    private Pragmas(ImmutableHashSet<string> fileIgnores, ImmutableDictionary<int, ImmutableHashSet<string>> instructionIgnores)
    {
        this.fileIgnores = fileIgnores;
        this.instructionIgnores = instructionIgnores;
    }

    /// <summary>Ids (dockeropt pass ids or hadolint rule ids) ignored for the whole file.</summary>
    public bool IgnoresFile(string id) => fileIgnores.Contains(id);

    /// <summary>Ids (dockeropt pass ids or hadolint rule ids) ignored for the whole file.</summary>
    public ImmutableHashSet<string> FileIgnores => fileIgnores;

    /// <summary>Ids ignored for the instruction starting at <paramref name="instructionStart"/>.</summary>
    public ImmutableHashSet<string> IgnoredAt(int instructionStart) =>
        instructionIgnores.GetValueOrDefault(instructionStart, ImmutableHashSet<string>.Empty);

    /// <summary>True when some instruction has an ignore pragma of its own.</summary>
    public bool HasInstructionIgnores => !instructionIgnores.IsEmpty;

    /// <summary>The start offsets of the instructions whose own pragma ignores <paramref name="id"/>.</summary>
    public IEnumerable<int> InstructionsIgnoring(string id) =>
        instructionIgnores.Where(entry => entry.Value.Contains(id)).Select(entry => entry.Key);

    public static Pragmas Read(DockerfileSyntax syntax)
    {
        ArgumentNullException.ThrowIfNull(syntax);
        var file = ImmutableHashSet.CreateBuilder<string>(StringComparer.OrdinalIgnoreCase);
        var byInstruction = ImmutableDictionary.CreateBuilder<int, ImmutableHashSet<string>>();
        var pending = ImmutableHashSet.CreateBuilder<string>(StringComparer.OrdinalIgnoreCase);

        foreach (var construct in syntax.Constructs)
        {
            switch (construct)
            {
                case CommentSyntax comment:
                    ReadComment(comment.Text, pending, file);
                    break;
                case InstructionSyntax instruction:
                    if (pending.Count > 0)
                    {
                        byInstruction[instruction.Span.Start] = pending.ToImmutable();
                        pending.Clear();
                    }

                    break;
                default:
                    // A blank line ends the comment block a pragma belongs to, as in hadolint.
                    pending.Clear();
                    break;
            }
        }

        return new Pragmas(file.ToImmutable(), byInstruction.ToImmutable());
    }

    private static void ReadComment(string text, ImmutableHashSet<string>.Builder pending, ImmutableHashSet<string>.Builder file)
    {
        var body = text.TrimStart().TrimStart('#').Trim();
        string[] prefixes = ["dockeropt ", "hadolint "];
        foreach (var prefix in prefixes)
        {
            if (!body.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var rest = body[prefix.Length..].Trim();
            if (rest.StartsWith("ignore-file=", StringComparison.OrdinalIgnoreCase))
            {
                AddIds(rest["ignore-file=".Length..], file);
            }
            else if (rest.StartsWith("ignore=", StringComparison.OrdinalIgnoreCase))
            {
                AddIds(rest["ignore=".Length..], pending);
            }
        }
    }

    private static void AddIds(string list, ImmutableHashSet<string>.Builder into)
    {
        foreach (var id in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            into.Add(id.Split(' ')[0]);
        }
    }
}