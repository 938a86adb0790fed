namespace DockerOpt.Core.Passes;

/// <summary>Whether a finding records a change made, a change declined (and why), or advice only.</summary>
public enum FindingKind
{
    /// <summary>The pass changed the file here.</summary>
    Applied,

    /// <summary>The pass saw something it could improve but declined, with the reason (skip rather than guess).</summary>
    Declined,

    /// <summary>Advice a person should act on; the pass cannot do it safely (e.g. a privileged port).</summary>
    Advice,
}