namespace DockerOpt.Core.Variables;

/// <summary>
/// How many characters the variable expansions of one Dockerfile may still produce. A file of a few hundred bytes can
/// double a value on every line (<c>ENV A2=${A1}${A1}</c>); one budget shared by every expansion of an analysis keeps
/// its time and memory linear in the file, and an expansion that would exceed it fails (its value is unknown).
/// </summary>
/// <remarks>
/// BuildKit itself sets no limit on the size of an expansion: its shell lexer concatenates strings for as long as
/// memory lasts, and what bounds a real build is the definition the frontend sends to the daemon over gRPC (messages
/// of a few MiB). <see cref="PerFile"/> is far above any real Dockerfile's values and far below what would hurt.
/// </remarks>
public sealed class ExpansionBudget
{
    /// <summary>The characters all expansions of one file may produce: 16 Mi (32 MB of UTF-16).</summary>
    public const int PerFile = 16 << 20;

    /// <summary>The characters one expansion may produce: 1 Mi.</summary>
    public const int PerExpansion = 1 << 20;

    public ExpansionBudget(int characters = PerFile)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(characters);
        Remaining = characters;
    }

    /// <summary>The characters expansions may still produce.</summary>
    public int Remaining { get; private set; }

    /// <summary>The limit for the next expansion: the smaller of <see cref="PerExpansion"/> and what is left.</summary>
    internal int NextLimit => Math.Min(PerExpansion, Remaining);

    internal void Spend(int characters) => Remaining = Math.Max(0, Remaining - characters);
}