using System.Text;

using DockerOpt.Fuzz.Properties;
using DockerOpt.Transforms;

namespace DockerOpt.Fuzz.Tests;

/// <summary>
/// Inputs the CI fuzz run found over their allocation allowance (<see cref="ResourceLimits"/>), as a smaller file of the
/// same shape through the same checker. The allowance is a base plus a share per input byte; what a file of that shape
/// allocates per further byte is held to that share, so the test follows the input's size, never the clock.
/// </summary>
public sealed class FuzzFoundResourceTests : IDisposable
{
    private readonly string sandbox = Path.Combine(Path.GetTempPath(), "dockeropt-fuzz-test-" + Guid.NewGuid().ToString("N")[..12]);

    // Seed 14, input 6577 of `bash scripts/fuzz/run.sh --seed 14 --cli 300`: 9,119 RUNs `apt-get update && apt-get
    // install -y pN` (427 KB) allocated 3.8 GB, allowance 1.9 GB: every pass parsed every RUN again and asked the
    // recognizer about each command again and again, ~200 KB per RUN. Core's model now reads each RUN once per text,
    // and the passes read through it (3,344 bytes per further byte at 6990cf2; 4,379 at c83b19e, over the 4,096 granted).
    [Fact]
    public void Each_further_apt_RUN_allocates_no_more_than_the_fuzz_allowance_grants_its_bytes()
    {
        var checker = new PropertyChecker(sandbox, PassRegistry.All, ResourceLimits.Default);
        var few = AptRuns(10);
        var many = AptRuns(1_010);
        checker.Check(few);

        var fewAllocated = checker.Check(few).AllocatedBytes;
        var manyAllocated = checker.Check(many).AllocatedBytes;

        var perByte = (manyAllocated - fewAllocated) / (many.Length - few.Length);
        Assert.True(
            perByte <= ResourceLimits.Default.AllocationPerInputByte,
            $"{many.Length - few.Length} further bytes of apt RUNs allocated {(manyAllocated - fewAllocated) >> 20} MB, {perByte} bytes per byte (allowance {ResourceLimits.Default.AllocationPerInputByte})");
    }

    public void Dispose()
    {
        if (Directory.Exists(sandbox))
        {
            Directory.Delete(sandbox, recursive: true);
        }
    }

    private static byte[] AptRuns(int count)
    {
        var text = new StringBuilder("FROM alpine\n\nCMD sleep 10000\n\n");
        for (var i = 0; i < count; i++)
        {
            text.Append("RUN apt-get update && apt-get install -y p").Append(i).Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}