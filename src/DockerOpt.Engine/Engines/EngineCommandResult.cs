namespace DockerOpt.Engine.Engines;

/// <summary>What one client invocation returned.</summary>
internal sealed record EngineCommandResult(int ExitCode, string StandardOutput, string StandardError, TimeSpan Duration);