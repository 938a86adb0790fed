namespace DockerOpt.Syntax;

/// <summary>A word found in a logical line: its range there and the value BuildKit derives from it.</summary>
internal readonly record struct LogicalWord(int Start, int End, string Value);