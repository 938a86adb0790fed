using DockerOpt.Core.Variables;

namespace DockerOpt.Core.Tests.Variables;

public class VariableExpanderTests
{
    private static readonly Dictionary<string, string?> Env = new()
    {
        ["VERSION"] = "3.12",
        ["EMPTY"] = string.Empty,
        ["BASE"] = "python",
        ["PATH_VAR"] = "/usr/local/lib/python3.12",
        ["UNKNOWN"] = null,
    };

    [Theory]
    [InlineData("python:$VERSION-slim", "python:3.12-slim")]
    [InlineData("${BASE}:${VERSION}", "python:3.12")]
    [InlineData("${MISSING:-3.11}", "3.11")]
    [InlineData("${EMPTY:-fallback}", "fallback")]
    [InlineData("${EMPTY-fallback}", "")]
    [InlineData("${MISSING-fallback}", "fallback")]
    [InlineData("${VERSION:+set}", "set")]
    [InlineData("${EMPTY:+set}", "")]
    [InlineData("${EMPTY+set}", "set")]
    [InlineData("${MISSING+set}", "")]
    [InlineData("${VERSION?required}", "3.12")]
    [InlineData("${MISSING:-${BASE}}", "python")]
    [InlineData("${PATH_VAR#*/}", "usr/local/lib/python3.12")]
    [InlineData("${PATH_VAR##*/}", "python3.12")]
    [InlineData("${PATH_VAR%/*}", "/usr/local/lib")]
    [InlineData("${PATH_VAR%%/lib*}", "/usr/local")]
    [InlineData("${VERSION/./-}", "3-12")]
    [InlineData("${PATH_VAR//\\//_}", "_usr_local_lib_python3.12")]
    [InlineData("$MISSING/bin", "/bin")]
    [InlineData("cost $ 5", "cost $ 5")]
    [InlineData("'$VERSION'", "$VERSION")]
    [InlineData("\"$VERSION\"", "3.12")]
    [InlineData("\\$VERSION", "$VERSION")]
    [InlineData("\"\\$VERSION\"", "$VERSION")]
    [InlineData("a\\ b", "a b")]
    [InlineData("\"a\\b\"", "a\\b")]
    public void I_can_expand_variables_like_BuildKit(string text, string expected)
    {
        VariableExpansion result = VariableExpander.Expand(text, Env);

        Assert.Equal(expected, result.Text);
        Assert.Null(result.Error);
        Assert.True(result.IsFullyResolved);
    }

    [Fact]
    public void The_backtick_escape_escapes_the_dollar()
    {
        VariableExpansion result = VariableExpander.Expand("`$VERSION C:\\path $VERSION", Env, '`');

        Assert.Equal("$VERSION C:\\path 3.12", result.Text);
    }

    [Fact]
    public void A_variable_with_an_unknown_value_is_kept_as_written_and_reported()
    {
        VariableExpansion result = VariableExpander.Expand("image:${UNKNOWN:-latest}-$VERSION", Env);

        Assert.Equal("image:${UNKNOWN:-latest}-3.12", result.Text);
        Assert.False(result.IsFullyResolved);
        Assert.Equal("UNKNOWN", Assert.Single(result.UnknownNames));
        Assert.Equal(["UNKNOWN", "VERSION"], result.ReferencedNames);
    }

    [Fact]
    public void An_unset_variable_expands_to_empty_and_is_reported()
    {
        VariableExpansion result = VariableExpander.Expand("/opt/$APP_HOME/bin", Env);

        Assert.Equal("/opt//bin", result.Text);
        Assert.True(result.IsFullyResolved);
        Assert.Equal("APP_HOME", Assert.Single(result.UnsetNames));
    }

    [Theory]
    [InlineData("${MISSING?must be set}", "MISSING: must be set")]
    [InlineData("${MISSING?}", "MISSING: is not allowed to be unset")]
    [InlineData("${EMPTY:?}", "EMPTY: is not allowed to be empty")]
    [InlineData("${VERSION", "syntax error: missing '}'")]
    [InlineData("${}", "syntax error: bad substitution")]
    [InlineData("${:x}", "syntax error: bad substitution")]
    [InlineData("${VERSION^^}", "unsupported modifier (^) in substitution")]
    [InlineData("'open", "unexpected end of statement while looking for matching single-quote")]
    [InlineData("\"open", "unexpected end of statement while looking for matching double-quote")]
    public void What_BuildKit_rejects_is_an_error(string text, string error)
    {
        VariableExpansion result = VariableExpander.Expand(text, Env);

        Assert.Equal(error, result.Error);
        Assert.False(result.IsFullyResolved);
    }

    [Fact]
    public void I_can_substitute_variables_and_keep_quotes_and_escapes()
    {
        VariableExpansion result = VariableExpander.Expand("\"$BASE app\" 'x $BASE' a\\ b", Env, '\\', keepQuotes: true);

        Assert.Equal("\"python app\" 'x $BASE' a\\ b", result.Text);
    }

    [Fact]
    public void I_can_find_every_reference_with_its_position()
    {
        const string text = "FROM ${REGISTRY:-docker.io}/lib/$NAME:${TAG:-${DEFAULT_TAG}} '$NOT' \\$ESCAPED $1";
        IReadOnlyList<VariableReference> references = VariableReference.FindAll(text);

        Assert.Equal(["REGISTRY", "NAME", "TAG", "DEFAULT_TAG", "1"], references.Select(static r => r.Name));
        foreach (VariableReference reference in references)
        {
            Assert.Equal(reference.Text, text.Substring(reference.Start, reference.Length));
        }

        VariableReference registry = references[0];
        Assert.Equal(VariableModifier.Default, registry.Modifier);
        Assert.True(registry.TreatsEmptyAsUnset);
        Assert.Equal("docker.io", registry.Word);
        Assert.Equal("${TAG:-${DEFAULT_TAG}}", references[2].Text);
        Assert.Equal(VariableModifier.None, references[1].Modifier);
    }

    [Theory]
    [InlineData("${X-a}", VariableModifier.Default, false)]
    [InlineData("${X:+a}", VariableModifier.Alternative, true)]
    [InlineData("${X+a}", VariableModifier.Alternative, false)]
    [InlineData("${X?a}", VariableModifier.Required, false)]
    [InlineData("${X:?a}", VariableModifier.Required, true)]
    [InlineData("${X##a}", VariableModifier.RemovePrefix, false)]
    [InlineData("${X%a}", VariableModifier.RemoveSuffix, false)]
    [InlineData("${X/a/b}", VariableModifier.Replace, false)]
    public void I_can_tell_the_modifier_of_a_reference(string text, VariableModifier modifier, bool colon)
    {
        VariableReference reference = Assert.Single(VariableReference.FindAll(text));

        Assert.Equal("X", reference.Name);
        Assert.Equal(modifier, reference.Modifier);
        Assert.Equal(colon, reference.TreatsEmptyAsUnset);
        Assert.Equal(text, reference.Text);
    }
}