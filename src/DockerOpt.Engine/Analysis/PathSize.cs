namespace DockerOpt.Engine.Analysis;

/// <summary>A path of the final filesystem and its size (a directory's whole subtree).</summary>
public sealed record PathSize(string Path, long Size);