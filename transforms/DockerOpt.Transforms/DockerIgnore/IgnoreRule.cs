namespace DockerOpt.Transforms.DockerIgnore;

/// <summary>
/// One row of the .dockerignore catalog: a pattern, the group it is listed under, the ecosystem it belongs to (null:
/// any), when it is proposed, and whether leaving the files out can change what the image does (secrets an app might
/// read at run time), and whether the ecosystem's own tools create it inside every developer's working tree even
/// though a fresh checkout lacks it (<c>node_modules</c> after <c>npm install</c>).
/// </summary>
public sealed record IgnoreRule(string Pattern, string Group, string? Ecosystem, IgnoreTrigger Trigger, bool ChangesBehaviour = false, bool InWorkingTree = false);