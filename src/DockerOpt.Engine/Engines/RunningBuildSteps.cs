using System.Collections.Immutable;

namespace DockerOpt.Engine.Engines;

/// <summary>
/// The steps a build is running right now, kept from its output. BuildKit runs independent steps in parallel and
/// interleaves their lines, so the last line names whichever step printed last, not what is running: only the
/// start and end of each step count. Thread-safe (standard output and error arrive on different threads).
/// </summary>
public sealed class RunningBuildSteps
{
    private readonly Lock _gate = new();
    private readonly List<BuildStep> _running = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    /// <summary>The running steps, oldest first.</summary>
    public ImmutableArray<BuildStep> Current
    {
        get
        {
            lock (_gate)
            {
                return [.. _running];
            }
        }
    }

    /// <summary>Reads one line of build output; true when the set of running steps changed.</summary>
    public bool Observe(string line) => BuildProgressParser.Parse(line) is { } change && Apply(change);

    /// <summary>Applies one event; true when the set of running steps changed.</summary>
    public bool Apply(BuildStepEvent change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_gate)
        {
            var index = _running.FindIndex(step => step.Id == change.Step.Id);
            switch (change.Change)
            {
                case BuildStepChange.Announced when index < 0 && _seen.Add(change.Step.Id):
                    _running.Add(change.Step);
                    return true;
                case BuildStepChange.Finished when index >= 0:
                    _running.RemoveAt(index);
                    return true;
                case BuildStepChange.Replaced when index < 0:
                    _running.Add(change.Step);
                    return true;
                case BuildStepChange.Replaced when _running[index] != change.Step:
                    _running[index] = change.Step;
                    return true;
                default:
                    return false;
            }
        }
    }
}