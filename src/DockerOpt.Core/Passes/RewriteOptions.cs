using System.Collections.Immutable;

using DockerOpt.Core.BuildContext;

namespace DockerOpt.Core.Passes;

/// <summary>Which passes run and how boldly.</summary>
/// <param name="Level">Safe (default) or aggressive.</param>
/// <param name="Only">When not empty, only these pass ids run.</param>
/// <param name="Skip">These pass ids never run.</param>
public sealed record RewriteOptions(RewriteLevel Level, ImmutableHashSet<string> Only, ImmutableHashSet<string> Skip)
{
    public static RewriteOptions Default { get; } = new(RewriteLevel.Safe, [], []);

    public bool IsEnabled(string passId) => !Skip.Contains(passId) && (Only.IsEmpty || Only.Contains(passId));

    /// <summary>The image role the user set (<c>--role</c>, <c>role:</c>), which replaces the detected one; null to detect it.</summary>
    public RoleOverride? Role { get; init; }

    /// <summary>
    /// The Dockerfile's path inside its repository ('/' separated), whose folders and file name are evidence of its
    /// role (<c>tests/</c>, <c>Dockerfile.dev</c>, <c>3.12/bookworm/</c>); null to use the path the rewriter is given.
    /// </summary>
    public string? RepositoryPath { get; init; }

    /// <summary>
    /// The checkout the Dockerfile lives in (at <see cref="RepositoryPath"/>), read for evidence outside the build
    /// context: the templates it is generated from, the files it is published with. Null when unknown: then the build
    /// context stands in, when it holds the Dockerfile.
    /// </summary>
    public IBuildContext? Repository { get; init; }

    /// <summary>True to rewrite a file whose header says it is generated (by default it is left alone).</summary>
    public bool IncludeGenerated { get; init; }

    /// <summary>
    /// The stage the image is built from (<c>docker build --target</c>), or null for the final stage: it decides which
    /// stages reach the shipped image (<see cref="Model.DockerfileModel.Ships"/>).
    /// </summary>
    public string? Target { get; init; }
}