namespace DockerOpt.Core.Passes;

/// <summary>How much a pass may change what the image does, which decides when it runs.</summary>
public enum PassSafety
{
    /// <summary>Same behaviour, smaller or faster image: runs at the default level.</summary>
    Safe,

    /// <summary>
    /// Can change behaviour (a new base image, dropped recommends or dev dependencies, a different user).
    /// Runs at the default level but marks every change so `verify` can check exactly those.
    /// </summary>
    ChangesBehaviour,

    /// <summary>Bolder changes (alpine, distroless) that run only with --level aggressive.</summary>
    Aggressive,
}