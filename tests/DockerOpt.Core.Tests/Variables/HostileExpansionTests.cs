using System.Text;

using DockerOpt.Core.Variables;

namespace DockerOpt.Core.Tests.Variables;

/// <summary>
/// Expansions a hostile Dockerfile can ask for (issue 14): nesting deep enough to overflow a recursive lexer's stack,
/// nesting that made the work quadratic, and values that double on every line.
/// </summary>
public sealed class HostileExpansionTests
{
    private static readonly Dictionary<string, string?> Unknown = new() { ["a"] = null };

    [Fact]
    public void A_default_nested_forty_thousand_deep_expands_without_overflowing_the_stack()
    {
        var text = Nested("${a-", 40_000, "x", "}");

        var expansion = VariableExpander.Expand(text, new Dictionary<string, string?>());

        Assert.Equal("x", expansion.Text);
        Assert.True(expansion.IsFullyResolved);
        Assert.Equal(40_000, expansion.References.Length);
        Assert.Equal(text, expansion.References[0].Text);
        Assert.Equal("x", expansion.References[^1].Word);
    }

    [Fact]
    public void A_nested_reference_to_an_unknown_variable_is_kept_as_written_once()
    {
        var text = Nested("${a-", 8_000, "debian", "}");

        var expansion = VariableExpander.Expand(text, Unknown);

        Assert.Equal(text, expansion.Text);
        Assert.Equal("a", Assert.Single(expansion.UnknownNames));
    }

    [Fact]
    public void Nesting_inside_double_quotes_and_patterns_keeps_its_meaning_at_any_depth()
    {
        var env = new Dictionary<string, string?> { ["v"] = "a/b/c" };
        var text = Nested("\"${u:-", 20_000, "${v#*/}", "}\"");

        var expansion = VariableExpander.Expand(text, env);

        Assert.Equal("b/c", expansion.Text);
        Assert.Null(expansion.Error);
    }

    [Fact]
    public void A_value_that_doubles_on_every_line_stops_at_the_budget_and_is_unknown_from_there()
    {
        var env = new Dictionary<string, string?> { ["A0"] = "0123456789" };
        var budget = new ExpansionBudget();
        VariableExpansion last = VariableExpander.Expand(string.Empty, env);
        var level = 1;
        for (; level <= 30; level++)
        {
            last = VariableExpander.Expand($"${{A{level - 1}}}${{A{level - 1}}}", env, '\\', keepQuotes: false, budget);
            env[$"A{level}"] = last.IsFullyResolved ? last.Text : null;
            if (!last.IsFullyResolved)
            {
                break;
            }
        }

        Assert.True(level <= 30, "the doubling never hit the budget");
        Assert.StartsWith("the expansion is longer than", last.Error, StringComparison.Ordinal);
        Assert.True(last.Text.Length <= ExpansionBudget.PerExpansion);
        Assert.True(budget.Remaining >= 0);
    }

    [Fact]
    public void The_budget_is_shared_by_every_expansion_of_a_file()
    {
        var env = new Dictionary<string, string?> { ["BIG"] = new string('x', ExpansionBudget.PerExpansion / 2) };
        var budget = new ExpansionBudget(ExpansionBudget.PerExpansion * 2);

        var results = Enumerable.Range(0, 6).Select(_ => VariableExpander.Expand("${BIG}", env, '\\', keepQuotes: false, budget)).ToList();

        Assert.Equal(4, results.Count(r => r.IsFullyResolved));
        Assert.All(results.Skip(4), r => Assert.False(r.IsFullyResolved));
    }

    [Fact]
    public void A_replacement_that_would_grow_past_the_budget_fails_instead_of_building_it()
    {
        var env = new Dictionary<string, string?> { ["V"] = new string('x', 100_000) };

        var expansion = VariableExpander.Expand("${V//?/" + new string('y', 100) + "}", env);

        Assert.False(expansion.IsFullyResolved);
        Assert.StartsWith("the expansion is longer than", expansion.Error, StringComparison.Ordinal);
    }

    private static string Nested(string open, int depth, string inner, string close)
    {
        var builder = new StringBuilder((open.Length + close.Length) * depth + inner.Length);
        builder.Insert(0, open, depth).Append(inner);
        for (var i = 0; i < depth; i++)
        {
            builder.Append(close);
        }

        return builder.ToString();
    }
}