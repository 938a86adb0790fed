namespace DockerOpt.Engine.Analysis;

/// <summary>
/// A named kind of bloat: what it is, how to avoid it, and which paths of the final filesystem belong to it.
/// </summary>
/// <param name="Id">Stable id, e.g. <c>apt-lists</c>.</param>
/// <param name="Title">What was found, for people.</param>
/// <param name="Hint">How to avoid it in a Dockerfile.</param>
/// <param name="RootOf">For a file path, the root of the bloat it belongs to (<c>/var/lib/apt/lists</c>, or a
/// <c>.../__pycache__</c> directory), or null when the path is not this kind of bloat.</param>
public sealed record BloatRule(string Id, string Title, string Hint, Func<string, string?> RootOf);