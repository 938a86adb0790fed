namespace DockerOpt.TestKit;

/// <summary>
/// A fact over ../shared/corpus. Skips with a visible reason where the corpus is absent, except under
/// CI=true, where it runs (and fails loudly) because CI always has the corpus beside the clone.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute()
    {
        Skip = CorpusAvailability.SkipReason;
    }
}

/// <summary>The theory form of <see cref="CorpusFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class CorpusTheoryAttribute : TheoryAttribute
{
    public CorpusTheoryAttribute()
    {
        Skip = CorpusAvailability.SkipReason;
    }
}

/// <summary>Whether corpus tests run here, and if not, why.</summary>
public static class CorpusAvailability
{
    /// <summary>Null when the corpus tests must run; otherwise the visible skip reason.</summary>
    public static string? SkipReason => Repo.HasCorpus || Repo.IsCi
        ? null
        : $"../shared/corpus not found at {Repo.CorpusDirectory}: corpus tests skipped (they always run when CI=true)";
}