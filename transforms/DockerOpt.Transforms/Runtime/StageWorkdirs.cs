using DockerOpt.Syntax;
using DockerOpt.Transforms.DockerIgnore;

namespace DockerOpt.Transforms.Runtime;

/// <summary>
/// Tracks WORKDIR through a chain of stages, as BuildKit resolves it: a relative WORKDIR extends the one before it,
/// the default is <c>/</c>. A WORKDIR with a variable makes the directory unknown from there on.
/// </summary>
public static class StageWorkdirs
{
    /// <summary>The working directory in effect before each instruction of the chain (null when unknown), in build order.</summary>
    public static IReadOnlyDictionary<InstructionSyntax, string?> Before(StageChain chain, out string? atEnd)
    {
        ArgumentNullException.ThrowIfNull(chain);
        var result = new Dictionary<InstructionSyntax, string?>(ReferenceEqualityComparer.Instance);
        string? current = "/";
        foreach (var instruction in chain.AllInstructions())
        {
            result[instruction] = current;
            if (instruction.Kind == InstructionKind.Workdir && instruction.Arguments is WordArguments { Words.Length: > 0 } words)
            {
                current = Resolve(current, words.Words[0].Value.Trim());
            }
        }

        atEnd = current;
        return result;
    }

    /// <summary>A path resolved against a directory, cleaned; null when either is unknown or has a variable.</summary>
    public static string? Resolve(string? directory, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Contains('$', StringComparison.Ordinal) || path.Length == 0)
        {
            return null;
        }

        if (path.StartsWith('/'))
        {
            return SlashPath.Clean(path);
        }

        return directory is null ? null : SlashPath.Clean(directory + "/" + path);
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="directory"/> or below it.</summary>
    public static bool IsWithin(string path, string directory)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(directory);
        return string.Equals(path, directory, StringComparison.Ordinal) || path.StartsWith(directory.TrimEnd('/') + "/", StringComparison.Ordinal);
    }
}