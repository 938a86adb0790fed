namespace DockerOpt.Fuzz.Properties;

/// <summary>
/// How long and how much allocation one input may take for its whole check (parse, two rewrites, every lint format).
/// Both are generous multiples of what corpus files take (a few milliseconds, a few MB), so only a blow-up trips them;
/// the allowance grows with the input, so a large but linear input passes.
/// </summary>
/// <param name="Time">Wall time per input. The supervisor kills a worker stuck past it (plus a grace period).</param>
/// <param name="BaseAllocation">Bytes any input may allocate.</param>
/// <param name="AllocationPerInputByte">Further bytes per byte of input.</param>
internal sealed record ResourceLimits(TimeSpan Time, long BaseAllocation, long AllocationPerInputByte)
{
    public static ResourceLimits Default { get; } = new(TimeSpan.FromSeconds(10), 256L << 20, 4096);

    public long AllocationFor(int inputLength) => BaseAllocation + (AllocationPerInputByte * inputLength);
}