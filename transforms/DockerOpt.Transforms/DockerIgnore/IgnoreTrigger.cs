namespace DockerOpt.Transforms.DockerIgnore;

/// <summary>When a catalog pattern is proposed.</summary>
public enum IgnoreTrigger
{
    /// <summary>For every context: nothing an image needs lives there.</summary>
    Always,

    /// <summary>When the ecosystem is detected (its image, its tools in a RUN, or its manifests in the context).</summary>
    Ecosystem,

    /// <summary>
    /// Dependency folders: only when a RUN installs the ecosystem's dependencies itself; otherwise the image may be
    /// relying on the folder the context brings.
    /// </summary>
    Installs,

    /// <summary>Build outputs: only when a RUN builds; otherwise the output in the context may be what the image runs.</summary>
    Builds,

    /// <summary>Only when the path exists in the context (less common tool caches).</summary>
    Present,
}