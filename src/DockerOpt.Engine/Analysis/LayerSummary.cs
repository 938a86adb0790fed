namespace DockerOpt.Engine.Analysis;

/// <summary>One row of the layer table.</summary>
/// <param name="Index">0 is the base layer.</param>
/// <param name="Digest">The layer blob's name in the archive.</param>
/// <param name="Instruction">The instruction that made it, from the config history.</param>
/// <param name="UncompressedSize">Bytes of the layer tar.</param>
/// <param name="CompressedSize">Bytes after gzip (registry size).</param>
/// <param name="ContentSize">Sum of the file sizes in it.</param>
/// <param name="EntryCount">Entries in the tar, whiteouts included.</param>
public sealed record LayerSummary(int Index, string Digest, string Instruction, long UncompressedSize, long CompressedSize, long ContentSize, int EntryCount);