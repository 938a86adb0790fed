using System.Globalization;
using System.Text;

namespace DockerOpt.Transforms.ExecForm;

/// <summary>
/// Writes an exec-form array (<c>["node", "server.js"]</c>) as BuildKit reads it: a JSON array of strings. Only what
/// JSON requires is escaped; the separator follows the file (<c>", "</c> unless its exec forms are written compactly).
/// </summary>
public static class JsonArrayWriter
{
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