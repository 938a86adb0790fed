using System.Globalization;
using System.Text;

namespace DockerOpt.Syntax;

/// <summary>
/// Renders a tree as readable text for golden snapshot tests: one block per construct, every token and every run
/// of trivia on its own line, with <c>\r</c>, <c>\n</c>, tabs and the BOM shown as escapes. Because tokens and trivia
/// are printed in order, the dump also shows that nothing is lost.
/// </summary>
public static class SyntaxTreeDumper
{
    public static string Dump(DockerfileSyntax syntax)
    {
        ArgumentNullException.ThrowIfNull(syntax);
        var output = new StringBuilder();
        output.Append(CultureInfo.InvariantCulture, $"Dockerfile escape={Quote(syntax.EscapeChar.ToString())} bom={(syntax.Source.HasByteOrderMark ? "yes" : "no")} lines={syntax.Source.Lines.Length}\n");
        foreach (SyntaxConstruct construct in syntax.Constructs)
        {
            DumpConstruct(output, construct);
        }

        foreach (Diagnostic diagnostic in syntax.Diagnostics)
        {
            output.Append(CultureInfo.InvariantCulture, $"Diagnostic {diagnostic.Line}:{diagnostic.Column} {diagnostic.SeverityText} {diagnostic.Id}: {diagnostic.Message}\n");
        }

        return output.ToString();
    }

    private static void DumpConstruct(StringBuilder output, SyntaxConstruct construct)
    {
        string lines = construct.StartLine == construct.EndLine
            ? $"L{construct.StartLine}"
            : $"L{construct.StartLine}-{construct.EndLine}";
        switch (construct)
        {
            case InstructionSyntax instruction:
                output.Append(CultureInfo.InvariantCulture, $"{instruction.Kind} {lines} {construct.FullSpan} form={instruction.Form.ToString().ToLowerInvariant()}\n");
                output.Append(CultureInfo.InvariantCulture, $"  Logical {Quote(instruction.Logical.Text)}\n");
                if (instruction.Arguments is OnbuildArguments { Instruction: { } inner })
                {
                    output.Append(CultureInfo.InvariantCulture, $"  Onbuild {inner.Kind} form={inner.Form.ToString().ToLowerInvariant()}\n");
                }

                foreach (HeredocSyntax heredoc in instruction.Heredocs)
                {
                    output.Append(CultureInfo.InvariantCulture, $"  Heredoc {Quote(heredoc.Marker.Text)} name={Quote(heredoc.Name)} fd={heredoc.FileDescriptor} stripTabs={Bool(heredoc.StripTabs)} expand={Bool(heredoc.Expand)} terminated={Bool(heredoc.IsTerminated)}\n");
                }

                break;
            default:
                output.Append(CultureInfo.InvariantCulture, $"{construct.GetType().Name.Replace("Syntax", string.Empty, StringComparison.Ordinal)} {lines} {construct.FullSpan}\n");
                break;
        }

        string text = construct.Source.Text;
        int position = construct.FullSpan.Start;
        foreach (SyntaxToken token in construct.Tokens().OrderBy(t => t.Span.Start))
        {
            if (token.Span.Start > position)
            {
                output.Append(CultureInfo.InvariantCulture, $"  Trivia {Quote(text[position..token.Span.Start])}\n");
            }

            output.Append(CultureInfo.InvariantCulture, $"  {token.Kind} {Quote(token.Text)}");
            if (token.Value != token.Text)
            {
                output.Append(CultureInfo.InvariantCulture, $" value={Quote(token.Value)}");
            }

            output.Append('\n');
            position = Math.Max(position, token.Span.End);
        }

        if (construct.FullSpan.End > position)
        {
            output.Append(CultureInfo.InvariantCulture, $"  Trivia {Quote(text[position..construct.FullSpan.End])}\n");
        }
    }

    private static string Bool(bool value) => value ? "yes" : "no";

    /// <summary>A double-quoted string with control chars, the BOM and non-breaking spaces escaped.</summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '\\': builder.Append("\\\\"); break;
                case '"': builder.Append("\\\""); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\uFEFF': builder.Append("\\uFEFF"); break;
                default:
                    if (c < ' ' || c == '\u007F' || c == '\u00A0')
                    {
                        builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
        return builder.ToString();
    }
}