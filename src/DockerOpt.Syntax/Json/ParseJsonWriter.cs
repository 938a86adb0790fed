using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace DockerOpt.Syntax;

/// <summary>
/// Writes the JSON contract of <c>dockeropt parse --format json</c> (issue 2) without reflection:
/// <c>{"path","escape","directives":[{"name","value","line"}],"stages":[{"index","name","image","line"}],
/// "diagnostics":[{"line","column","severity","message"}],"instructions":[...]}</c>.
/// Each instruction is <c>{"keyword","line","endLine","flags","form","args","pairs","heredocs","onbuild"}</c> where
/// <c>args</c> is BuildKit's node chain: the shell command as one string, the decoded exec-form strings, the words,
/// HEALTHCHECK's type followed by its command, and for ENV/LABEL the triples key, value, separator (<c>=</c>, or empty
/// for the legacy <c>ENV k v</c>); ONBUILD's instruction is in <c>onbuild</c>. Heredoc <c>content</c> is the raw
/// body as BuildKit's parser keeps it (tabs not yet stripped for <c>chomp</c>).
/// </summary>
public static class ParseJsonWriter
{
    /// <summary>Options for human-readable output: indented, and <c>&lt;</c>, <c>&amp;</c>, quotes and non-ASCII unescaped.</summary>
    public static JsonWriterOptions ReadableOptions { get; } = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The JSON document of one file as a string (LF line endings when indented).</summary>
    public static string ToJson(DockerfileSyntax syntax, bool indented = true)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, ReadableOptions with { Indented = indented, NewLine = "\n" }))
        {
            Write(writer, syntax);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static void Write(Utf8JsonWriter writer, DockerfileSyntax syntax)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(syntax);

        writer.WriteStartObject();
        writer.WriteString("path", syntax.Source.Path);
        writer.WriteString("escape", syntax.EscapeChar.ToString());

        writer.WriteStartArray("directives");
        foreach (ParserDirectiveSyntax directive in syntax.Directives)
        {
            writer.WriteStartObject();
            writer.WriteString("name", directive.Name);
            writer.WriteString("value", directive.Value);
            writer.WriteNumber("line", directive.StartLine);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartArray("stages");
        int index = 0;
        foreach (InstructionSyntax instruction in syntax.Instructions)
        {
            if (instruction.Arguments is not FromArguments from)
            {
                continue;
            }

            writer.WriteStartObject();
            writer.WriteNumber("index", index++);
            writer.WriteString("name", from.StageName?.Value);
            writer.WriteString("image", from.Image?.Value);
            writer.WriteNumber("line", instruction.StartLine);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartArray("diagnostics");
        foreach (Diagnostic diagnostic in syntax.Diagnostics)
        {
            writer.WriteStartObject();
            writer.WriteNumber("line", diagnostic.Line);
            writer.WriteNumber("column", diagnostic.Column);
            writer.WriteString("severity", diagnostic.SeverityText);
            writer.WriteString("message", diagnostic.Message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartArray("instructions");
        foreach (InstructionSyntax instruction in syntax.Instructions)
        {
            WriteInstruction(writer, instruction);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteInstruction(Utf8JsonWriter writer, InstructionSyntax instruction)
    {
        writer.WriteStartObject();
        writer.WriteString("keyword", instruction.KeywordUpper);
        writer.WriteNumber("line", instruction.StartLine);
        writer.WriteNumber("endLine", instruction.EndLine);

        writer.WriteStartArray("flags");
        foreach (FlagSyntax flag in instruction.Flags)
        {
            writer.WriteStringValue(flag.BuildKitText);
        }

        writer.WriteEndArray();

        writer.WriteString("form", instruction.Form switch
        {
            InstructionForm.Shell => "shell",
            InstructionForm.Exec => "exec",
            _ => "none",
        });

        writer.WriteStartArray("args");
        foreach (string arg in BuildKitArgs(instruction.Arguments))
        {
            writer.WriteStringValue(arg);
        }

        writer.WriteEndArray();

        writer.WriteStartArray("pairs");
        if (instruction.Arguments is KeyValueArguments keyValues)
        {
            foreach (KeyValuePairSyntax pair in keyValues.Pairs)
            {
                writer.WriteStartObject();
                writer.WriteString("key", pair.Key.Value);
                writer.WriteString("value", pair.Value.Value);
                writer.WriteEndObject();
            }
        }

        writer.WriteEndArray();

        writer.WriteStartArray("heredocs");
        foreach (HeredocSyntax heredoc in instruction.Heredocs)
        {
            writer.WriteStartObject();
            writer.WriteString("name", heredoc.Name);
            writer.WriteString("content", heredoc.Content);
            writer.WriteBoolean("chomp", heredoc.StripTabs);
            writer.WriteBoolean("expand", heredoc.Expand);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WritePropertyName("onbuild");
        if (instruction.Arguments is OnbuildArguments { Instruction: { } inner })
        {
            WriteInstruction(writer, inner);
        }
        else
        {
            writer.WriteNullValue();
        }

        writer.WriteEndObject();
    }

    /// <summary>The arguments as BuildKit's parser chains them after the keyword (<c>Node.Next</c> values).</summary>
    public static IEnumerable<string> BuildKitArgs(ArgumentsSyntax arguments) => arguments switch
    {
        ShellFormArguments shell => [shell.CommandText],
        ExecFormArguments exec => exec.Elements.Select(e => e.Value),
        WordArguments words => words.Words.Select(w => w.Value),
        FromArguments from => from.Words.Select(w => w.Value),
        KeyValueArguments keyValues => keyValues.Pairs.SelectMany(p => new[] { p.Key.Value, p.Value.Value, keyValues.IsLegacyForm ? string.Empty : "=" }),
        HealthcheckArguments healthcheck => [healthcheck.Type.Value, .. BuildKitArgs(healthcheck.Command)],
        _ => [],
    };
}