using System.Globalization;

using DockerOpt.Syntax;

namespace DockerOpt.Transforms.Runtime;

/// <summary>Reads EXPOSE instructions (<c>80</c>, <c>443/tcp</c>, <c>8000-8010/udp</c>); words with variables are skipped.</summary>
public static class ExposedPorts
{
    /// <summary>The lowest port of every static EXPOSE word below 1024, with the word as written.</summary>
    public static IEnumerable<(string Word, InstructionSyntax Expose)> Privileged(IEnumerable<InstructionSyntax> instructions)
    {
        ArgumentNullException.ThrowIfNull(instructions);
        foreach (var instruction in instructions)
        {
            if (instruction.Kind != InstructionKind.Expose || instruction.Arguments is not WordArguments words)
            {
                continue;
            }

            foreach (var word in words.Words)
            {
                var text = word.Value;
                var number = text.Split('/')[0].Split('-')[0];
                if (int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port < 1024)
                {
                    yield return (text, instruction);
                }
            }
        }
    }
}