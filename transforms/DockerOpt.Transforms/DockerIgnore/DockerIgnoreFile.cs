using System.Collections.Immutable;

namespace DockerOpt.Transforms.DockerIgnore;

/// <summary>
/// A .dockerignore read the way BuildKit's <c>dockerignore.ReadAll</c> reads it: a UTF-8 BOM is dropped, a line whose
/// FIRST char is <c>#</c> is a comment (an indented <c>#</c> is a pattern), every other line is trimmed, blank lines
/// are skipped, and each pattern is cleaned with its <c>!</c> kept and a leading <c>/</c> removed, so <c>/foo</c>,
/// <c>./foo</c> and <c>foo/</c> all mean <c>foo</c>. The raw lines are kept so a merge can append without rewriting.
/// </summary>
public sealed class DockerIgnoreFile
{
    private DockerIgnoreFile(string text, ImmutableArray<string> patterns, IgnorePatternMatcher? matcher)
    {
        Text = text;
        Patterns = patterns;
        Matcher = matcher;
    }

    /// <summary>The file as it is.</summary>
    public string Text { get; }

    /// <summary>The normalised patterns, in order, exceptions with their <c>!</c>.</summary>
    public ImmutableArray<string> Patterns { get; }

    /// <summary>The matcher, or null when Docker would reject a pattern of this file (the build fails as it is).</summary>
    public IgnorePatternMatcher? Matcher { get; }

    public bool IsValid => Matcher is not null;

    public static DockerIgnoreFile Empty { get; } = Parse(string.Empty);

    public static DockerIgnoreFile Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var patterns = ImmutableArray.CreateBuilder<string>();
        var body = text.StartsWith('\uFEFF') ? text[1..] : text;
        foreach (var rawLine in body.Split('\n'))
        {
            var pattern = Normalise(rawLine.TrimEnd('\r'));
            if (pattern is not null)
            {
                patterns.Add(pattern);
            }
        }

        var list = patterns.ToImmutable();
        return new DockerIgnoreFile(text, list, IgnorePatternMatcher.TryCreate(list));
    }

    /// <summary>The pattern one line means, or null for a comment or blank line.</summary>
    public static string? Normalise(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.StartsWith('#'))
        {
            return null;
        }

        var pattern = line.Trim();
        if (pattern.Length == 0)
        {
            return null;
        }

        var isException = pattern[0] == '!';
        if (isException)
        {
            pattern = pattern[1..].Trim();
        }

        if (pattern.Length > 0)
        {
            pattern = SlashPath.Clean(pattern);
            if (pattern.Length > 1 && pattern[0] == '/')
            {
                pattern = pattern[1..];
            }
        }

        return isException ? "!" + pattern : pattern;
    }
}