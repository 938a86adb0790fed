using System.Collections.Immutable;

namespace DockerOpt.Engine.Verification;

/// <summary>Which pass broke the rewrite, if switching one off at a time found it.</summary>
public sealed record BisectOutcome(string? Culprit, ImmutableArray<BisectAttempt> Attempts);