namespace DockerOpt.Engine.Engines;

/// <summary>One step of a build, as the engine's progress output names it.</summary>
/// <param name="Id">The engine's own id for it: BuildKit's vertex number (<c>#7</c> gives "7"), or "step" for Podman/Buildah.</param>
/// <param name="Text">The instruction, e.g. <c>[build 2/5] RUN go build -o /app</c> or <c>STEP 2/5: RUN ...</c>.</param>
public sealed record BuildStep(string Id, string Text);