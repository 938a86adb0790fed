namespace DockerOpt.Engine.Engines;

/// <summary>What a line of build output says about a step.</summary>
public enum BuildStepChange
{
    /// <summary>
    /// BuildKit names the step (<c>#7 [build 2/5] RUN ...</c>). The first such line starts it; BuildKit repeats the
    /// name whenever its output switches back to that step, and later status lines of the step look the same.
    /// </summary>
    Announced,

    /// <summary>The step ended: <c>#7 DONE 1.2s</c>, <c>CACHED</c>, <c>ERROR: ...</c> or <c>CANCELED</c>.</summary>
    Finished,

    /// <summary>Podman/Buildah runs one step at a time: <c>STEP 3/5: ...</c> replaces the step before it.</summary>
    Replaced,
}