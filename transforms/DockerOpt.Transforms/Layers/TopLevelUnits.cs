using System.Collections;
using System.Runtime.CompilerServices;

using DockerOpt.Core.Shell;

namespace DockerOpt.Transforms.Layers;

/// <summary>
/// The top-level pipelines of a script with the connector before each, and an index from a pipeline's (or its single
/// command's) span to its position. Several passes ask "which unit is this command?" for every command of a RUN; a
/// scan per question made a RUN of n chained commands cost n² (issue 14). Read once per script: scripts are immutable.
/// </summary>
internal sealed class TopLevelUnits : IReadOnlyList<(ShellSpan Span, ShellConnector Connector, ShellPipeline Pipeline)>
{
    private static readonly ConditionalWeakTable<ShellScript, TopLevelUnits> Cache = [];

    private readonly List<(ShellSpan Span, ShellConnector Connector, ShellPipeline Pipeline)> units;
    private readonly Dictionary<ShellSpan, int> positions = [];

    private TopLevelUnits(ShellScript script)
    {
        units = [];
        var connector = ShellConnector.None;
        foreach (var andOr in script.Root.Items)
        {
            for (var p = 0; p < andOr.Pipelines.Length; p++)
            {
                if (p > 0)
                {
                    connector = andOr.Operators[p - 1];
                }

                var pipeline = andOr.Pipelines[p];
                var span = pipeline.Commands.Length == 1 ? pipeline.Commands[0].Span : pipeline.Span;
                positions.TryAdd(span, units.Count);
                units.Add((span, connector, pipeline));
            }

            connector = andOr.Terminator;
        }
    }

    public int Count => units.Count;

    public (ShellSpan Span, ShellConnector Connector, ShellPipeline Pipeline) this[int index] => units[index];

    /// <summary>The units of a script (computed once per script).</summary>
    public static TopLevelUnits Of(ShellScript script)
    {
        ArgumentNullException.ThrowIfNull(script);
        return Cache.GetValue(script, static s => new TopLevelUnits(s));
    }

    /// <summary>The position of the unit with this span (the first, when two share it), or -1.</summary>
    public int IndexOf(ShellSpan span) => positions.TryGetValue(span, out var index) ? index : -1;

    public IEnumerator<(ShellSpan Span, ShellConnector Connector, ShellPipeline Pipeline)> GetEnumerator() => units.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}