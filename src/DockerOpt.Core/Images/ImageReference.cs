using System.Text.RegularExpressions;

namespace DockerOpt.Core.Images;

/// <summary>
/// An image reference as written in FROM or <c>COPY --from</c>: <c>[registry[:port]/]path[:tag][@digest]</c>.
/// Split with Docker's rules (distribution/reference): the first path component is a registry only when it
/// contains <c>.</c> or <c>:</c>, is <c>localhost</c>, or has an upper-case letter; otherwise the registry is the
/// implicit <c>docker.io</c> and <see cref="Registry"/> is null. <see cref="ToString"/> returns the text exactly as
/// written; the <c>With*</c> methods change one part and keep the rest as written. Variable references
/// (<c>python:${VERSION}-slim</c>) are kept in the parts they occur in.
/// </summary>
public sealed partial record ImageReference
{
    private const string DockerHub = "docker.io";

    private ImageReference(string text, int pathStart, int pathEnd, int tagStart, int tagEnd, int digestStart)
    {
        Text = text;
        _pathStart = pathStart;
        _pathEnd = pathEnd;
        _tagStart = tagStart;
        _tagEnd = tagEnd;
        _digestStart = digestStart;
    }

    private readonly int _pathStart;
    private readonly int _pathEnd;
    private readonly int _tagStart;
    private readonly int _tagEnd;
    private readonly int _digestStart;

    /// <summary>The reference exactly as written.</summary>
    public string Text { get; }

    /// <summary>The registry host (and port) when written, e.g. <c>ghcr.io</c>, <c>localhost:5000</c>; null for implicit Docker Hub.</summary>
    public string? Registry => _pathStart == 0 ? null : Text[..(_pathStart - 1)];

    /// <summary>The repository path as written, e.g. <c>python</c>, <c>bitnami/redis</c>, <c>distroless/static-debian12</c>.</summary>
    public string Path => Text[_pathStart.._pathEnd];

    /// <summary>The tag without its colon, or null.</summary>
    public string? Tag => _tagStart < 0 ? null : Text[_tagStart.._tagEnd];

    /// <summary>The digest without its <c>@</c> (e.g. <c>sha256:…</c>), or null.</summary>
    public string? Digest => _digestStart < 0 ? null : Text[_digestStart..];

    /// <summary>The reserved name of the empty image.</summary>
    public bool IsScratch => Text == "scratch";

    /// <summary>The text holds a <c>$</c> variable reference, so the real image is only known once expanded.</summary>
    public bool HasVariables => Text.Contains('$', StringComparison.Ordinal);

    public bool IsDigestPinned => _digestStart >= 0;

    /// <summary>The registry Docker resolves to: <see cref="Registry"/> or <c>docker.io</c>.</summary>
    public string EffectiveRegistry => Registry ?? DockerHub;

    /// <summary>Whether the image comes from Docker Hub (implicitly or written as docker.io / index.docker.io).</summary>
    public bool IsDockerHub => Registry is null or DockerHub or "index.docker.io" or "registry-1.docker.io";

    /// <summary>
    /// The repository path as Docker normalises it: an official Docker Hub image gets <c>library/</c>
    /// (<c>python</c> → <c>library/python</c>).
    /// </summary>
    public string NormalizedPath => IsDockerHub && !Path.Contains('/', StringComparison.Ordinal) ? "library/" + Path : Path;

    /// <summary>The last path component, e.g. <c>python</c> for <c>library/python</c>, <c>static-debian12</c> for <c>gcr.io/distroless/static-debian12</c>.</summary>
    public string Name => Path[(Path.LastIndexOf('/') + 1)..];

    /// <summary>The full normalised name without tag or digest, e.g. <c>docker.io/library/python</c>.</summary>
    public string FullName => (IsDockerHub ? DockerHub : Registry) + "/" + NormalizedPath;

    /// <summary>
    /// The reference follows the distribution/reference grammar (checked only when it has no variables; a
    /// reference with variables reports false).
    /// </summary>
    public bool IsValid => !HasVariables && ValidReference().IsMatch(Text);

    /// <summary>Splits <paramref name="text"/>; never throws (odd text gives odd parts, still printed exactly).</summary>
    public static ImageReference Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int digestAt = IndexOutsideVariables(text, '@', 0, text.Length, last: false);
        int nameEnd = digestAt < 0 ? text.Length : digestAt;
        int firstSlash = IndexOutsideVariables(text, '/', 0, nameEnd, last: false);
        int pathStart = 0;
        if (firstSlash > 0 && IsRegistryComponent(text.AsSpan(0, firstSlash)))
        {
            pathStart = firstSlash + 1;
        }

        int lastSlash = IndexOutsideVariables(text, '/', 0, nameEnd, last: true);
        int colon = IndexOutsideVariables(text, ':', Math.Max(lastSlash + 1, pathStart), nameEnd, last: true);
        int pathEnd = colon < 0 ? nameEnd : colon;
        int tagStart = colon < 0 ? -1 : colon + 1;
        return new ImageReference(text, pathStart, pathEnd, tagStart, tagStart < 0 ? -1 : nameEnd, digestAt < 0 ? -1 : digestAt + 1);
    }

    /// <summary>The same reference with <paramref name="tag"/> (or no tag when null); registry, path and digest kept as written.</summary>
    public ImageReference WithTag(string? tag)
    {
        string before = Text[.._pathEnd];
        string after = _digestStart < 0 ? string.Empty : Text[(_digestStart - 1)..];
        return Parse(tag is null ? before + after : before + ":" + tag + after);
    }

    /// <summary>The same reference with <paramref name="digest"/> (or none when null).</summary>
    public ImageReference WithDigest(string? digest)
    {
        string name = _digestStart < 0 ? Text : Text[..(_digestStart - 1)];
        return Parse(digest is null ? name : name + "@" + digest);
    }

    /// <summary>The same reference with another repository path; registry, tag and digest kept as written.</summary>
    public ImageReference WithPath(string path) => Parse(Text[.._pathStart] + path + Text[_pathEnd..]);

    public override string ToString() => Text;

    private static bool IsRegistryComponent(ReadOnlySpan<char> component)
    {
        if (component.ContainsAny('.', ':') || component.SequenceEqual("localhost"))
        {
            return true;
        }

        foreach (char c in component)
        {
            if (char.IsAsciiLetterUpper(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Index of <paramref name="target"/> in [start, end), ignoring characters inside <c>${...}</c>.</summary>
    private static int IndexOutsideVariables(string text, char target, int start, int end, bool last)
    {
        int found = -1;
        int depth = 0;
        for (int i = start; i < end; i++)
        {
            char c = text[i];
            if (c == '$' && i + 1 < end && text[i + 1] == '{')
            {
                depth++;
                i++;
            }
            else if (c == '}' && depth > 0)
            {
                depth--;
            }
            else if (c == target && depth == 0)
            {
                found = i;
                if (!last)
                {
                    return found;
                }
            }
        }

        return found;
    }

    // distribution/reference's grammar (reference.go), written out once.
    [GeneratedRegex(
        @"^(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*(?::[0-9]+)?/|\[[a-fA-F0-9:]+\](?::[0-9]+)?/)?"
        + @"[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*)*"
        + @"(?::[\w][\w.-]{0,127})?"
        + @"(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$",
        RegexOptions.CultureInvariant)]
    private static partial Regex ValidReference();
}