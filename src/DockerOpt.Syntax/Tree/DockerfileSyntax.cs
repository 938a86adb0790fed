using System.Collections.Immutable;
using System.Text;

namespace DockerOpt.Syntax;

/// <summary>
/// The lossless tree of a whole Dockerfile. <see cref="Constructs"/> tile the source, so
/// <see cref="ToFullString"/> of an unmodified tree returns the input byte for byte.
/// </summary>
public sealed class DockerfileSyntax
{
    public DockerfileSyntax(
        SourceText source,
        ImmutableArray<SyntaxConstruct> constructs,
        char escapeChar,
        ImmutableArray<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(source);
        Source = source;
        Constructs = constructs;
        EscapeChar = escapeChar;
        Diagnostics = diagnostics;
        Directives = constructs.OfType<ParserDirectiveSyntax>().ToImmutableArray();
        Instructions = constructs.OfType<InstructionSyntax>().ToImmutableArray();
    }

    public SourceText Source { get; }

    /// <summary>Every construct in file order; their full spans are contiguous and cover the whole source.</summary>
    public ImmutableArray<SyntaxConstruct> Constructs { get; }

    public ImmutableArray<ParserDirectiveSyntax> Directives { get; }

    public ImmutableArray<InstructionSyntax> Instructions { get; }

    /// <summary>The escape and line-continuation char: <c>\</c> or <c>`</c> (from <c># escape=</c>).</summary>
    public char EscapeChar { get; }

    /// <summary>Every problem found, in file order.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>
    /// The position of a construct of this tree in <see cref="Constructs"/>, or -1. A binary search on its start, not
    /// <c>Constructs.IndexOf</c>, which compares records member by member from the first construct on.
    /// </summary>
    public int IndexOf(SyntaxConstruct construct)
    {
        ArgumentNullException.ThrowIfNull(construct);
        int low = 0, high = Constructs.Length - 1;
        while (low <= high)
        {
            int middle = (low + high) / 2;
            int start = Constructs[middle].FullSpan.Start;
            if (start == construct.FullSpan.Start)
            {
                return ReferenceEquals(Constructs[middle], construct) || Constructs[middle].Equals(construct) ? middle : -1;
            }

            if (start < construct.FullSpan.Start)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return -1;
    }

    /// <summary>The value of a parser directive (name case-insensitive), or <c>null</c>.</summary>
    public string? GetDirective(string name)
    {
        foreach (ParserDirectiveSyntax directive in Directives)
        {
            if (directive.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return directive.Value;
            }
        }

        return null;
    }

    /// <summary>The printer: the concatenation of every construct's full text.</summary>
    public string ToFullString()
    {
        var builder = new StringBuilder(Source.Length);
        foreach (SyntaxConstruct construct in Constructs)
        {
            builder.Append(Source.Text, construct.FullSpan.Start, construct.FullSpan.Length);
        }

        return builder.ToString();
    }

    public override string ToString() => ToFullString();
}