using System.Globalization;

using DockerOpt.Engine.Analysis;

namespace DockerOpt.Engine.Budget;

/// <summary>
/// Limits an image must stay within: its size (uncompressed, as it sits on a host), the bytes wasted on
/// files overwritten or deleted by later layers, and dive's efficiency score. Unset limits are not checked.
/// </summary>
public sealed record SizeBudget(long? MaxSize = null, long? MaxWasted = null, double? MinEfficiency = null)
{
    /// <summary>Checks an analysed image; the reason names the first limit it breaks, or sums up the figures.</summary>
    public BudgetResult Check(ImageAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var size = analysis.UncompressedSize;
        var wasted = analysis.WastedBytes;
        var efficiency = analysis.Efficiency.Score;
        if (MaxSize is { } maxSize && size > maxSize)
        {
            return new BudgetResult(false, $"{analysis.Image} is {ByteSize.Format(size)}, over the {ByteSize.Format(maxSize)} budget by {ByteSize.Format(size - maxSize)}");
        }

        if (MaxWasted is { } maxWasted && wasted > maxWasted)
        {
            return new BudgetResult(false, $"{analysis.Image} wastes {ByteSize.Format(wasted)} on files overwritten or deleted by later layers, over the {ByteSize.Format(maxWasted)} budget");
        }

        if (MinEfficiency is { } minEfficiency && efficiency < minEfficiency)
        {
            return new BudgetResult(false, string.Create(CultureInfo.InvariantCulture, $"{analysis.Image} has efficiency {efficiency:0.000}, below the required {minEfficiency:0.000}"));
        }

        return new BudgetResult(true, string.Create(CultureInfo.InvariantCulture,
            $"{analysis.Image} is within budget: {ByteSize.Format(size)}, {ByteSize.Format(wasted)} wasted, efficiency {efficiency:0.000}"));
    }
}