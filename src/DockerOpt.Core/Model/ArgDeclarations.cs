using DockerOpt.Syntax;

namespace DockerOpt.Core.Model;

/// <summary>Reads the names and defaults an ARG instruction declares (<c>ARG A B=1 C="x y"</c>).</summary>
public static class ArgDeclarations
{
    public static IEnumerable<(string Name, string? Default)> Read(InstructionSyntax instruction)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        if (instruction.Arguments is KeyValueArguments pairs)
        {
            foreach (var pair in pairs.Pairs)
            {
                yield return (pair.Key.Value, Unquote(pair.Value.Value));
            }

            yield break;
        }

        if (instruction.Arguments is WordArguments words)
        {
            foreach (var word in words.Words)
            {
                var text = word.Value;
                var equals = text.IndexOf('=', StringComparison.Ordinal);
                yield return equals < 0 ? (text, null) : (text[..equals], Unquote(text[(equals + 1)..]));
            }
        }
    }

    // ARG keeps quotes as written; the default BuildKit uses is the unquoted value.
    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0] ? value[1..^1] : value;
}