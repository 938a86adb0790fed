using System.Collections.Immutable;

namespace DockerOpt.Engine.Verification;

/// <summary>
/// The times of one kind of build, sampled one or more times. Build times on a shared machine are noisy (the same
/// rewrite measured +19 % once and −4 % the next time), so a comparison uses the median and says when the
/// difference is smaller than the spread.
/// </summary>
public sealed record BuildTimes
{
    public BuildTimes(ImmutableArray<TimeSpan> samples)
    {
        if (samples.IsDefaultOrEmpty)
        {
            throw new ArgumentException("a build time needs at least one sample", nameof(samples));
        }

        Samples = samples;
    }

    /// <summary>Every run, in the order measured.</summary>
    public ImmutableArray<TimeSpan> Samples { get; }

    /// <summary>The middle sample (the mean of the two middle ones for an even count).</summary>
    public TimeSpan Median
    {
        get
        {
            var sorted = Samples.Sort();
            var middle = sorted.Length / 2;
            return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }

    public TimeSpan Min => Samples.Min();

    public TimeSpan Max => Samples.Max();

    /// <summary>More than one sample, so there is a spread to show.</summary>
    public bool HasSpread => Samples.Length > 1;

    public static BuildTimes Once(TimeSpan sample) => new([sample]);

    /// <summary>
    /// The two can not be told apart: both were sampled more than once and their ranges (min to max) overlap, so the
    /// difference of the medians is within the noise of this machine.
    /// </summary>
    public bool IsWithinNoiseOf(BuildTimes other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return HasSpread && other.HasSpread && Min <= other.Max && other.Min <= Max;
    }
}