namespace DockerOpt.Engine.Engines;

/// <summary>The outcome of running a command in a container to completion.</summary>
public sealed record RunResult(int ExitCode, string StandardOutput, string StandardError, TimeSpan Duration);