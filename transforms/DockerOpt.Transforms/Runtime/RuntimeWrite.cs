using DockerOpt.Syntax;

namespace DockerOpt.Transforms.Runtime;

/// <summary>A folder the image shows its application writes to at run time, and the instruction that shows it.</summary>
/// <param name="Path">The absolute folder, cleaned (<c>/app/data</c>).</param>
/// <param name="Why">What shows it, as a clause for reports ("VOLUME on line 9").</param>
/// <param name="Source">The instruction that shows it.</param>
public sealed record RuntimeWrite(string Path, string Why, InstructionSyntax Source);