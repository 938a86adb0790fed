using DockerOpt.Transforms.DockerIgnore;

namespace DockerOpt.Transforms.Tests.DockerIgnore;

/// <summary>
/// Docker's documented .dockerignore behaviour (the Docker docs' examples and moby/patternmatcher's own test table),
/// checked against our port. Each row: the .dockerignore lines (separated by <c>|</c>), a context path, and whether
/// Docker leaves that path out of the build context.
/// </summary>
public sealed class IgnorePatternMatcherTests
{
    public static TheoryData<string, string, bool> DocumentedCases => new()
    {
        // The docs' example file.
        { "*/temp*", "somedir/temporary.txt", true },
        { "*/temp*", "somedir/temp", true },
        { "*/temp*", "temporary.txt", false },
        { "*/*/temp*", "somedir/subdir/temporary.txt", true },
        { "*/*/temp*", "somedir/temporary.txt", false },
        { "temp?", "tempa", true },
        { "temp?", "tempab", false },
        { "temp?", "dir/tempa", false },
        { "# comment", "# comment", false },

        // A plain name matches at the root only (unlike .gitignore), and everything under it.
        { "node_modules", "node_modules", true },
        { "node_modules", "node_modules/left-pad/index.js", true },
        { "node_modules", "packages/app/node_modules", false },
        { "foo/bar", "foo/bar", true },
        { "foo/bar", "bar", false },

        // ** crosses any number of directories, zero included.
        { "**/node_modules", "packages/app/node_modules/x.js", true },
        { "**/node_modules", "node_modules", true },
        { "**/*.go", "main.go", true },
        { "**/*.go", "cmd/tool/main.go", true },
        { "**/dir2/*", "dir/dir2/file", true },
        { "**/dir2/**", "dir/dir2/dir3/file", true },
        { "dir/**", "dir/file", true },
        { "abc/**", "abc", false },
        { "**file", "dir/dir/file", true },
        { "a**/*.txt", "a/dir/dir/file.txt", true },
        { "**/.foo", "bar.foo", false },

        // * and ? never cross a slash; . + ( ) are literal.
        { "*", "fileutils.go", true },
        { "*.md", "docs/guide.md", false },
        { "a/*.txt", "a/dir/file.txt", false },
        { "abc.def", "abcdef", false },
        { "a(b)c/def", "a(b)c/def", true },
        { "dist/*.whl", "dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl", true },

        // Character classes and escapes.
        { "a[b-d]e", "ace", true },
        { "a[b-d]e", "aae", false },
        { "a[^b-d]e", "aze", true },
        { "a\\*b", "a*b", true },
        { "a\\*b", "axb", false },

        // Leading slash, ./ and trailing slash are cleaned away: all three mean the root "docs" directory.
        { "/docs", "docs/README.md", true },
        { "./docs", "docs/README.md", true },
        { "docs/", "docs/README.md", true },
        { "docs//api/../", "docs/x", true },

        // ! re-includes; the LAST matching line wins; re-including works inside an excluded directory.
        { "*.md|!README.md", "README.md", false },
        { "*.md|!README.md", "CHANGES.md", true },
        { "*.md|!README*.md|README-secret.md", "README-secret.md", true },
        { "*.md|!README*.md|README-secret.md", "README-public.md", false },
        { "*.md|README-secret.md|!README*.md", "README-secret.md", false },
        { "docs|!docs/README.md", "docs/README.md", false },
        { "docs|!docs/README.md", "docs/other.md", true },
        { "!fileutils.go|*.go", "fileutils.go", true },
        { "**|!util/docker/web", "util/docker/web/foo", false },
        { "**|!util/docker/web|util/docker/web/foo", "util/docker/web/foo", true },
        { "*|!src", "src/app.py", false },
        { "*|!src", "README.md", true },

        // The context root itself is never excluded.
        { "*", ".", false },
        { "**", "", false },
    };

    [Theory]
    [MemberData(nameof(DocumentedCases))]
    public void A_path_is_excluded_exactly_when_Docker_excludes_it(string lines, string path, bool excluded)
    {
        var file = DockerIgnoreFile.Parse(string.Join('\n', lines.Split('|')));

        Assert.NotNull(file.Matcher);
        Assert.Equal(excluded, file.Matcher.IsExcluded(path));
    }

    [Theory]
    [InlineData("!")]
    [InlineData("[")]
    [InlineData("a[")]
    [InlineData("[^bc")]
    [InlineData("[]a]")]
    [InlineData("[x-]")]
    [InlineData("[-x]")]
    [InlineData("foo\\")]
    public void A_pattern_Docker_rejects_makes_the_whole_file_invalid(string pattern)
    {
        var file = DockerIgnoreFile.Parse("node_modules\n" + pattern + "\n");

        Assert.False(file.IsValid);
    }

    [Fact]
    public void Only_a_hash_in_the_first_column_starts_a_comment()
    {
        var file = DockerIgnoreFile.Parse("\uFEFF# comment\r\n  # not a comment\r\n\r\n  /build/  \r\n! ./keep\n");

        Assert.Equal<string>(["# not a comment", "build", "!keep"], [.. file.Patterns]);
    }

    [Theory]
    [InlineData("", ".")]
    [InlineData("a//b/./c/", "a/b/c")]
    [InlineData("a/../../b", "../b")]
    [InlineData("/../x", "/x")]
    [InlineData("./", ".")]
    public void Paths_are_cleaned_like_Go_path_Clean(string path, string cleaned)
    {
        Assert.Equal(cleaned, SlashPath.Clean(path));
    }
}