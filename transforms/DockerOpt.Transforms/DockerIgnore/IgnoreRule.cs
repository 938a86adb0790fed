namespace DockerOpt.Transforms.DockerIgnore;

/// <summary>
/// One row of the .dockerignore catalog: a pattern, the group it is listed under, the ecosystem it belongs to (null:
/// any), when it is proposed, and whether leaving the files out can change what the image does (secrets an app might
/// read at run time).
/// </summary>
public sealed record IgnoreRule(string Pattern, string Group, string? Ecosystem, IgnoreTrigger Trigger, bool ChangesBehaviour = false);