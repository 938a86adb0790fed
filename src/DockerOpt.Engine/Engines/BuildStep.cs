namespace DockerOpt.Engine.Engines;

/// <summary>The step a build is working on, as the engine's progress output names it.</summary>
/// <param name="Text">The instruction, e.g. <c>[build 2/5] RUN go build -o /app</c> or <c>STEP 2/5: RUN ...</c>.</param>
public sealed record BuildStep(string Text);