using System.Globalization;
using System.Text;

using DockerOpt.Syntax;

namespace DockerOpt.Transforms.ExecForm;

/// <summary>
/// Writes an exec-form array (<c>["node", "server.js"]</c>) as BuildKit reads it: a JSON array of strings. Only what
/// JSON requires is escaped; the separator follows the file (<c>", "</c> unless its exec forms are written compactly).
/// </summary>
public static class JsonArrayWriter
{
    /// <summary>Follow the file: if its exec forms are written ["a","b"], new ones are written the same way.</summary>
    public static string SeparatorOf(DockerfileSyntax syntax)
    {
        ArgumentNullException.ThrowIfNull(syntax);
        foreach (var instruction in syntax.Instructions)
        {
            if (instruction.Arguments is ExecFormArguments { Elements.Length: > 1 } exec)
            {
                var between = syntax.Source.Text[exec.Elements[0].Span.End..exec.Elements[1].Span.Start];
                return between.Contains(' ', StringComparison.Ordinal) ? ", " : ",";
            }
        }

        return ", ";
    }

    public static string Write(IEnumerable<string> items, string separator)
    {
        ArgumentNullException.ThrowIfNull(items);
        var builder = new StringBuilder("[");
        var first = true;
        foreach (var item in items)
        {
            if (!first)
            {
                builder.Append(separator);
            }

            first = false;
            AppendString(builder, item);
        }

        return builder.Append(']').ToString();
    }

    private static void AppendString(StringBuilder builder, string value)
    {
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                default:
                    if (c < ' ')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
    }
}