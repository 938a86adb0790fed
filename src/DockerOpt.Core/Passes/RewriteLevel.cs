namespace DockerOpt.Core.Passes;

/// <summary>How bold a rewrite may be. Safe is the default; aggressive allows alpine/distroless swaps.</summary>
public enum RewriteLevel
{
    Safe,
    Aggressive,
}