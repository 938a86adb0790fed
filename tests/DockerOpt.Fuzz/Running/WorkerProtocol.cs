using System.Globalization;

namespace DockerOpt.Fuzz.Running;

/// <summary>
/// The lines a worker writes on stdout for its supervisor, one event each: <c>S index</c> before an input (so a crash
/// or hang is pinned on it), <c>P ...</c> now and then with the counts so far (kept when the worker dies later), <c>M index</c> while a failure is minimized (the supervisor waits longer), <c>F index TAB property TAB signature TAB path TAB detail</c> for a failure, and at the
/// end <c>D checked badInput slowestMs slowestIndex mostAllocatedMB cpuMs</c> (milliseconds of CPU).
/// </summary>
internal static class WorkerProtocol
{
    public static string Started(long index) => string.Create(CultureInfo.InvariantCulture, $"S {index}");

    public static string Minimizing(long index) => string.Create(CultureInfo.InvariantCulture, $"M {index}");

    public static string Failed(long index, string property, string signature, string path, string detail) =>
        string.Create(CultureInfo.InvariantCulture, $"F {index}\t{property}\t{OneLine(signature)}\t{path}\t{OneLine(detail)}");

    /// <summary>The counts so far: <c>P</c> while running, <c>D</c> at the end.</summary>
    public static string Stats(WorkerStats stats, bool done)
    {
        ArgumentNullException.ThrowIfNull(stats);
        return string.Create(CultureInfo.InvariantCulture, $"{(done ? 'D' : 'P')} {stats.Checked} {stats.BadInput} {stats.SlowestMilliseconds} {stats.SlowestIndex} {stats.MostAllocatedMegabytes} {stats.CpuMilliseconds}");
    }

    private static string OneLine(string text) => text.Split('\n', 2)[0].Replace('\t', ' ');
}

/// <summary>What a worker (or all of them) checked, and the heaviest input seen.</summary>
internal sealed class WorkerStats
{
    public long Checked { get; set; }

    public long BadInput { get; set; }

    public long SlowestMilliseconds { get; set; }

    public long SlowestIndex { get; set; } = -1;

    public long MostAllocatedMegabytes { get; set; }

    /// <summary>CPU time of all checks together (the worker's start-up and input generation not included).</summary>
    public long CpuMilliseconds { get; set; }

    public void Add(WorkerStats other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Checked += other.Checked;
        BadInput += other.BadInput;
        CpuMilliseconds += other.CpuMilliseconds;
        if (other.SlowestMilliseconds > SlowestMilliseconds)
        {
            SlowestMilliseconds = other.SlowestMilliseconds;
            SlowestIndex = other.SlowestIndex;
        }

        MostAllocatedMegabytes = Math.Max(MostAllocatedMegabytes, other.MostAllocatedMegabytes);
    }

    /// <summary>Reads a <c>P</c> or <c>D</c> line.</summary>
    public static WorkerStats? Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var parts = line.Split(' ');
        if (parts.Length != 7 || parts[0] is not ("D" or "P"))
        {
            return null;
        }

        long N(int i) => long.Parse(parts[i], CultureInfo.InvariantCulture);
        return new WorkerStats { Checked = N(1), BadInput = N(2), SlowestMilliseconds = N(3), SlowestIndex = N(4), MostAllocatedMegabytes = N(5), CpuMilliseconds = N(6) };
    }
}