namespace DockerOpt.Core.Model;

/// <summary>What a stage's FROM names.</summary>
public enum StageBaseKind
{
    /// <summary>An image from a registry (or the local engine).</summary>
    ExternalImage,

    /// <summary>An earlier stage of the same Dockerfile (<c>FROM build</c>).</summary>
    PreviousStage,

    /// <summary>The empty image.</summary>
    Scratch,

    /// <summary>A name built from variables that could not be resolved.</summary>
    Unresolved,
}