using DockerOpt.Syntax;

namespace DockerOpt.Transforms.Manifests;

/// <summary>
/// A COPY or ADD of the whole build context (<c>COPY . .</c>, <c>ADD . /app</c>, flags such as <c>--chown</c> kept):
/// the copy a manifests-first rewrite splits, and the one a multi-stage runtime repeats.
/// </summary>
public sealed record SourceCopy(InstructionSyntax Instruction, string Destination)
{
    /// <summary>The instruction as a whole-context copy, or null.</summary>
    public static SourceCopy? From(InstructionSyntax instruction)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        if (instruction.Kind is not (InstructionKind.Copy or InstructionKind.Add)
            || instruction.GetFlag("from") is not null
            || !instruction.Heredocs.IsEmpty
            || instruction.Arguments is not WordArguments { Words: [var source, var destination] }
            || source.Value is not ("." or "./"))
        {
            return null;
        }

        return new SourceCopy(instruction, destination.Value);
    }

    /// <summary>The destination as a directory for several files: <c>./</c>, <c>/app/</c>.</summary>
    public string DirectoryDestination => Destination == "." ? "./" : Destination.EndsWith('/') ? Destination : Destination + "/";

    /// <summary>The flags as written (<c>--chown=node:node</c>), each followed by a space.</summary>
    public string FlagsText => string.Concat(Instruction.Flags.Select(f => f.Text + " "));
}