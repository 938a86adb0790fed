using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;

namespace DockerOpt.Transforms.Catalog;

/// <summary>
/// A tag shape such as <c>{version}-slim-{debian}</c>. Matching a tag binds the placeholders; rendering writes
/// them back, so <c>3.12-bookworm</c> (full) becomes <c>3.12-slim-bookworm</c> (slim) with nothing lost.
/// </summary>
public sealed partial class TagTemplate
{
    private readonly Regex regex;

    public TagTemplate(string text, IReadOnlyDictionary<string, string> placeholderPatterns)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(placeholderPatterns);
        Text = text;
        var names = ImmutableArray.CreateBuilder<string>();
        var pattern = new StringBuilder("^");
        var position = 0;
        foreach (Match match in PlaceholderSyntax().Matches(text))
        {
            pattern.Append(Regex.Escape(text[position..match.Index]));
            var name = match.Groups[1].Value;
            if (!placeholderPatterns.TryGetValue(name, out var placeholderPattern))
            {
                throw new FormatException($"tag template '{text}' uses the undefined placeholder {{{name}}}");
            }

            pattern.Append(CultureInfoInvariant($"(?<{name}>{placeholderPattern})"));
            names.Add(name);
            position = match.Index + match.Length;
        }

        pattern.Append(Regex.Escape(text[position..])).Append('$');
        Placeholders = names.ToImmutable();
        regex = new Regex(pattern.ToString(), RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, TimeSpan.FromSeconds(1));
    }

    public string Text { get; }

    public ImmutableArray<string> Placeholders { get; }

    /// <summary>The placeholder values when the tag has this shape, else null.</summary>
    public ImmutableDictionary<string, string>? Match(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        var match = regex.Match(tag);
        return match.Success
            ? Placeholders.ToImmutableDictionary(name => name, name => match.Groups[name].Value, StringComparer.Ordinal)
            : null;
    }

    /// <summary>The tag with the placeholders filled in; every placeholder must be bound.</summary>
    public string Render(IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return PlaceholderSyntax().Replace(Text, match => values[match.Groups[1].Value]);
    }

    public override string ToString() => Text;

    private static string CultureInfoInvariant(FormattableString text) => FormattableString.Invariant(text);

    [GeneratedRegex(@"\{([a-z]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceholderSyntax();
}