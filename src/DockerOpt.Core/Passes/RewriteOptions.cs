using System.Collections.Immutable;

namespace DockerOpt.Core.Passes;

/// <summary>Which passes run and how boldly.</summary>
/// <param name="Level">Safe (default) or aggressive.</param>
/// <param name="Only">When not empty, only these pass ids run.</param>
/// <param name="Skip">These pass ids never run.</param>
public sealed record RewriteOptions(RewriteLevel Level, ImmutableHashSet<string> Only, ImmutableHashSet<string> Skip)
{
    public static RewriteOptions Default { get; } = new(RewriteLevel.Safe, [], []);

    public bool IsEnabled(string passId) => !Skip.Contains(passId) && (Only.IsEmpty || Only.Contains(passId));
}