namespace DockerOpt.Engine.Engines;

/// <summary>One line of build output read as news about a step.</summary>
/// <param name="Step">The step the line is about (its text is empty for <see cref="BuildStepChange.Finished"/>).</param>
/// <param name="Change">What the line says about it.</param>
public sealed record BuildStepEvent(BuildStep Step, BuildStepChange Change);